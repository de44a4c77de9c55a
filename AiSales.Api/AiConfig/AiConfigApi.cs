using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.AiConfig;

/// <summary>
/// The merchant's assistant: its name, persona, language, the keywords that hand a conversation to a human, the
/// faq it answers shop questions from (delivery, returns, payment, hours, location…), whether its replies may carry
/// buttons, lists and quick replies, and what it does with a customer's photo (ask which product, or hand over).
/// </summary>
public static class AiConfigApi
{
    public static RouteGroupBuilder MapAiConfigApi(this RouteGroupBuilder api)
    {
        var config = api.MapGroup("/merchant/ai-config").WithTags("AI configuration");
        config.MapGet("/", GetAsync).WithSummary("The assistant's configuration, faq included.");
        config.MapPut("/", PutAsync)
            .WithSummary("Replace the assistant's configuration. Without `faq` the stored faq is kept; `faq: []` clears it.");
        config.MapAssistantTrialApi();
        return api;
    }

    private static async Task<Ok<AiConfigView>> GetAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT assistant_name, persona, language, greeting, ai_enabled, handoff_keywords, faq::text, interactive_replies, image_reply FROM merchants WHERE id = $1
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(Read(reader));
    }

    private static async Task<Results<Ok<AiConfigView>, ValidationProblem>> PutAsync(
        AiConfigRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var config = AiConfigValidation.Validate(request, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // A null faq (left out of the request) keeps the stored one.
        await using var command = db.CreateCommand("""
            UPDATE merchants SET assistant_name = $2, persona = $3, language = $4, greeting = $5, ai_enabled = $6,
                                 handoff_keywords = $7, faq = coalesce($8, faq), interactive_replies = coalesce($9, interactive_replies),
                                 image_reply = coalesce($10, image_reply), updated_at = now()
            WHERE id = $1
            RETURNING assistant_name, persona, language, greeting, ai_enabled, handoff_keywords, faq::text, interactive_replies, image_reply
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        command.Parameters.AddWithValue(config.AssistantName);
        command.Parameters.AddWithValue(config.Persona);
        command.Parameters.AddWithValue(config.Language);
        command.Parameters.AddWithValue(config.Greeting);
        command.Parameters.AddWithValue(config.AiEnabled);
        command.Parameters.AddWithValue(config.HandoffKeywords.ToArray());
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Jsonb,
            Value = config.Faq is null ? DBNull.Value : FaqJson.Serialize(config.Faq),
        });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Boolean, Value = (object?)config.InteractiveReplies ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)config.ImageReply ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(Read(reader));
    }

    private static AiConfigView Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
        reader.GetFieldValue<string[]>(5), FaqJson.Deserialize(reader.GetString(6)), reader.GetBoolean(7), reader.GetString(8));
}
