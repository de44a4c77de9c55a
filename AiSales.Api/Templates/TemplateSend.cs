using System.Security.Claims;
using System.Text.RegularExpressions;
using AiSales.Api.Conversations;
using AiSales.Api.Security;
using AiSales.Core.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Api.Templates;

/// <summary>
/// A person sends an approved template: checked against the WABA's list (name, language, status APPROVED, the body's
/// parameter count), then stored like a human reply through the one outbox insert (<see cref="ReplyOutbox"/>: an outbound
/// message of kind 'template', the filled body as text, and its outbound_deliveries row carrying Meta's <c>template</c>
/// object), and delivered by the agent's sender (at most once, in order with the other replies). No window check:
/// templates exist for that.
/// </summary>
public static partial class TemplateSend
{
    private const int MaxParameters = 20;

    public static async Task<Results<Accepted<MessageView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid id, TemplateSendRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TemplateCatalog catalog,
        IServiceProvider services, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 512);
        var language = errors.Text("language", request.Language, 15);
        if (name is not null && !TemplateName().IsMatch(name)) errors.Add("name", "must be a template name: lower-case letters, digits and underscores.");
        if (language is not null && !LanguageCode().IsMatch(language)) errors.Add("language", "must be a language code such as ar, en or en_US.");
        var parameters = request.Parameters ?? [];
        if (parameters.Count > MaxParameters) errors.Add("parameters", $"at most {MaxParameters} parameters.");
        for (var i = 0; i < parameters.Count && i < MaxParameters; i++)
        {
            errors.Text($"parameters[{i}]", parameters[i], 1024);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var merchantId = user.MerchantId();
        var conversation = await ConversationsApi.FindAsync(db, id, merchantId, cancellationToken);
        if (conversation is null)
        {
            return MerchantApiProblems.NotFound("conversation", id);
        }

        if (conversation.Platform != Platforms.WhatsApp || conversation.Customer.Phone is not { } recipient)
        {
            return MerchantApiProblems.Conflict("Templates are WhatsApp messages; this conversation is not a WhatsApp one.");
        }

        var channel = await catalog.FindChannelAsync(merchantId, cancellationToken);
        if (channel is null || channel.Status != "connected")
        {
            return MerchantApiProblems.Conflict("The WhatsApp channel is not connected; connect it with PUT /api/merchant/channels/whatsapp.");
        }

        TemplateList list;
        try
        {
            list = await catalog.ListAsync(merchantId, channel, refresh: false, cancellationToken);
        }
        catch (TemplateCatalogException ex)
        {
            return TemplatesApi.Problem(ex);
        }

        var values = parameters.Select(p => p!.Trim()).ToList();
        var template = list.Items.FirstOrDefault(t => t.Name == name && t.Language == language && t.Status == "APPROVED");
        if (template is null)
        {
            errors.Add("name", $"no approved template '{name}' in '{language}' in the WhatsApp Business Account (GET /api/templates).");
            return errors.ToProblem();
        }

        if (template.ParameterCount != values.Count)
        {
            errors.Add("parameters", $"the template takes {template.ParameterCount} parameter(s); {values.Count} given.");
            return errors.ToProblem();
        }

        // The same outbox insert as every other outbound message (ReplyOutbox), with the conversation's activity touched.
        var text = TemplateMessage.Render(template.Body ?? template.Name, values);
        var reply = new OutboxReply(merchantId, id, Platforms.WhatsApp, channel.Id, recipient, text, "human",
            Template: new OutboxTemplate(name!, language!, values));
        await using var insert = db.CreateBatch();
        insert.BatchCommands.Add(ReplyOutbox.InsertCommand(reply));
        var touch = new NpgsqlBatchCommand("UPDATE conversations SET last_activity_at = now(), updated_at = now() WHERE id = $1");
        touch.Parameters.AddWithValue(id);
        insert.BatchCommands.Add(touch);
        Guid deliveryId;
        long messageId;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (deliveryId, messageId) = (reader.GetGuid(0), reader.GetInt64(1));
        }

        await RedisNudge.PublishAsync(services.GetService<IConnectionMultiplexer>(), OutboundQueue.NudgeChannel, deliveryId.ToString(),
            loggerFactory.CreateLogger(typeof(TemplateSend)), LogLevel.Warning);
        await using var read = db.CreateCommand($"SELECT {ConversationSql.MessageColumns} FROM messages WHERE id = $1");
        read.Parameters.AddWithValue(messageId);
        await using var row = await read.ExecuteReaderAsync(cancellationToken);
        await row.ReadAsync(cancellationToken);
        return TypedResults.Accepted($"/api/conversations/{id}/messages", ConversationSql.ReadMessage(row));
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    internal static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2})?$")]
    internal static partial Regex LanguageCode();
}
