using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.AiConfig;

public sealed record AiConfigView(string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, IReadOnlyList<string> HandoffKeywords);

public sealed record AiConfigRequest(string? AssistantName, string? Persona, string? Language, string? Greeting, bool? AiEnabled, List<string?>? HandoffKeywords);

/// <summary>The merchant's assistant: its name, persona, language and the keywords that hand a conversation to a human.</summary>
public static class AiConfigApi
{
    public const int MaxKeywords = 50;
    private static readonly string[] Languages = ["auto", "ar", "en"];

    public static RouteGroupBuilder MapAiConfigApi(this RouteGroupBuilder api)
    {
        var config = api.MapGroup("/merchant/ai-config").WithTags("AI configuration");
        config.MapGet("/", GetAsync).WithSummary("The assistant's configuration.");
        config.MapPut("/", PutAsync).WithSummary("Replace the assistant's configuration.");
        return api;
    }

    private static async Task<Ok<AiConfigView>> GetAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT assistant_name, persona, language, greeting, ai_enabled, handoff_keywords FROM merchants WHERE id = $1
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(new AiConfigView(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4),
            reader.GetFieldValue<string[]>(5)));
    }

    private static async Task<Results<Ok<AiConfigView>, ValidationProblem>> PutAsync(
        AiConfigRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var assistantName = errors.Text("assistantName", request.AssistantName, 100);
        var persona = errors.Text("persona", request.Persona, 4000, required: false);
        var greeting = errors.Text("greeting", request.Greeting, 1000, required: false);
        var language = request.Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language))
        {
            errors.Add("language", "must be one of: auto, ar, en.");
        }

        if (request.AiEnabled is null)
        {
            errors.Add("aiEnabled", "is required (true or false).");
        }

        var keywords = new List<string>();
        var submitted = request.HandoffKeywords ?? [];
        if (submitted.Count > MaxKeywords)
        {
            errors.Add("handoffKeywords", $"must hold at most {MaxKeywords} keywords.");
        }

        for (var i = 0; i < submitted.Count && i < MaxKeywords; i++)
        {
            var keyword = submitted[i]?.Trim() ?? "";
            if (keyword.Length is 0 or > 100)
            {
                errors.Add($"handoffKeywords[{i}]", "must be 1 to 100 characters.");
            }
            else if (!keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
            {
                keywords.Add(keyword);
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var command = db.CreateCommand("""
            UPDATE merchants SET assistant_name = $2, persona = $3, language = $4, greeting = $5, ai_enabled = $6,
                                 handoff_keywords = $7, updated_at = now()
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        command.Parameters.AddWithValue(assistantName);
        command.Parameters.AddWithValue(persona);
        command.Parameters.AddWithValue(language!);
        command.Parameters.AddWithValue(greeting);
        command.Parameters.AddWithValue(request.AiEnabled!.Value);
        command.Parameters.AddWithValue(keywords.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return TypedResults.Ok(new AiConfigView(assistantName, persona, language!, greeting, request.AiEnabled.Value, keywords));
    }
}
