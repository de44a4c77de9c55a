using System.Text.Json.Nodes;
using AiSales.MetaSimulator.Customers;
using AiSales.MetaSimulator.Graph;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// WhatsApp templates in the simulated Graph API: <c>GET /{version}/{waba-id}/message_templates</c> lists the demo
/// account's templates (to a WhatsApp token it knows), and <see cref="Send"/> accepts a template message like Meta —
/// approved, in that language, with as many body parameters as it takes — shows it in the chat and sends the status
/// webhooks that follow (sent, delivered, read).
/// </summary>
public static class GraphTemplatesApi
{
    public static IEndpointRouteBuilder MapGraphTemplatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{version}/{wabaId}/message_templates", (string wabaId, HttpRequest request, AccountRegistry accounts) =>
        {
            var authorization = request.Headers.Authorization.ToString();
            var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
            if (token is null || accounts.FindByToken(Platform.WhatsApp, token) is null)
            {
                return GraphApi.GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
            }

            if (wabaId != DemoTemplates.WabaId)
            {
                return GraphApi.GraphError(400, 100, $"Unsupported get request. Object with ID '{wabaId}' does not exist.", "GraphMethodException");
            }

            var data = DemoTemplates.All.Select((t, i) => new
            {
                name = t.Name,
                language = t.Language,
                status = t.Status,
                category = t.Category,
                id = (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                components = new object[] { new { type = "BODY", text = t.Body } },
            });
            return Results.Json(new { data, paging = new { cursors = new { before = "MAZDZD", after = "MjQZD" } } });
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>A <c>type: template</c> send; null when the body is acceptable and was shown, else Meta's error.</summary>
    public static IResult Send(
        SimulatedAccount account, JsonNode json, string to, Func<int, IResult, string?, IResult> record, ChatStore chats, StatusWebhooks statusWebhooks)
    {
        var template = json["template"];
        var name = template?["name"]?.GetValue<string>();
        var language = template?["language"]?["code"]?.GetValue<string>();
        var parameters = template?["components"]?.AsArray()
            .Where(c => c?["type"]?.GetValue<string>() == "body")
            .SelectMany(c => c?["parameters"]?.AsArray() ?? [])
            .Select(p => p?["text"]?.GetValue<string>() ?? "")
            .ToList() ?? [];
        var known = DemoTemplates.Find(name, language);
        if (known is null || known.Status != "APPROVED")
        {
            return record(404, GraphApi.GraphError(404, 132001, "Template name does not exist in the translation", "OAuthException",
                $"template name ({name}) does not exist in {language}"), null);
        }

        var expected = System.Text.RegularExpressions.Regex.Matches(known.Body, @"\{\{\d+\}\}").Count;
        if (parameters.Count != expected)
        {
            return record(400, GraphApi.GraphError(400, 132000, "Number of parameters does not match the expected number of params", "OAuthException",
                $"body: number of localizable_params ({parameters.Count}) does not match the expected number of params ({expected})"), null);
        }

        var text = known.Body;
        for (var i = 0; i < parameters.Count; i++)
        {
            text = text.Replace($"{{{{{i + 1}}}}}", parameters[i], StringComparison.Ordinal);
        }

        var messageId = WebhookPayloads.NewWhatsAppMessageId();
        chats.AddShopMessage(Platform.WhatsApp, account.AccountId, to, messageId, text);
        statusWebhooks.ScheduleWhatsAppStatuses(account, to, messageId, json["biz_opaque_callback_data"]?.GetValue<string>());
        return record(200, Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = messageId, ["message_status"] = "accepted" }),
        }), messageId);
    }
}
