using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AiSales.MetaSimulator.Customers;
using AiSales.MetaSimulator.Graph;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The Graph API send endpoints, for WhatsApp (<c>/{version}/{phone_number_id}/messages</c>) and Instagram
/// (<c>/{version}/{ig_account_id}/messages</c>): bearer token and body validated like Meta, Meta's response
/// shapes with fresh ids, then the status webhooks (WhatsApp) or echo (Instagram) sent back, signed.
/// </summary>
public static class GraphApi
{
    private const int WhatsAppTextLimit = 4096;
    private const int InstagramTextByteLimit = 1000;

    public static IEndpointRouteBuilder MapGraphApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{version}/{accountId}/messages", SendMessageAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SendMessageAsync(
        string version, string accountId, HttpRequest request,
        AccountRegistry accounts, FaultSwitches faults, GraphRequestLog log, ChatStore chats, StatusWebhooks statusWebhooks,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var authorization = request.Headers.Authorization.ToString();

        IResult Record(int status, IResult result, string? messageId = null)
        {
            log.Add(new GraphRequest(DateTimeOffset.UtcNow, request.Path, accountId, authorization, body, status, messageId));
            return result;
        }

        var account = accounts.Find(accountId);
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        if (account is null || token is null || !FixedTimeEquals(token, account.AccessToken))
        {
            return Record(401, GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException"));
        }

        // "Seen" and "typing…" are not sends: fault switches (which count sends) never apply to them.
        if (TryParse(body) is { } signal && GraphSignals.IsSignal(signal))
        {
            var answer = GraphSignals.Handle(account, signal, chats);
            return Record(answer is IStatusCodeHttpResult { StatusCode: >= 400 } failed ? failed.StatusCode!.Value : 200, answer);
        }

        if (faults.Take(accountId) is { } fault)
        {
            switch (fault.Mode)
            {
                case FaultMode.Throttle:
                    return Record(429, GraphError(429, 130429, "Rate limit hit", "OAuthException",
                        "Cloud API message throughput has been reached."));
                case FaultMode.WindowClosed:
                    return Record(400, GraphError(400, 131047, "Re-engagement message", "OAuthException",
                        "More than 24 hours have passed since the recipient last replied to the sender number."));
                case FaultMode.TokenExpired:
                    return Record(401, GraphError(401, 190, "Error validating access token: Session has expired.", "OAuthException"));
                case FaultMode.ServerError:
                    return Record(500, Results.StatusCode(500));
                case FaultMode.Slow:
                    await Task.Delay(fault.DelayMilliseconds, cancellationToken);
                    break;
            }
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return Record(400, GraphError(400, 100, "Invalid parameter", "OAuthException", "The request body is not valid JSON."));
        }

        return account.Platform == Platform.WhatsApp
            ? SendWhatsApp(account, json, Record, chats, statusWebhooks)
            : SendInstagram(account, json, Record, chats, statusWebhooks);
    }

    private static IResult SendWhatsApp(
        SimulatedAccount account, JsonNode? json, Func<int, IResult, string?, IResult> record, ChatStore chats, StatusWebhooks statusWebhooks)
    {
        // A user known only by a business-scoped user id is addressed with "recipient" instead of "to".
        var to = json?["to"]?.GetValue<string>() ?? json?["recipient"]?.GetValue<string>();
        if (json?["type"]?.GetValue<string>() == "template" && !string.IsNullOrWhiteSpace(to) && json["messaging_product"]?.GetValue<string>() == "whatsapp")
        {
            return GraphTemplatesApi.Send(account, json, to, record, chats, statusWebhooks);
        }

        var text = json?["text"]?["body"]?.GetValue<string>();
        var interactive = json?["type"]?.GetValue<string>() == "interactive" ? ChatChoices.WhatsApp(json?["interactive"]) : default;
        text = interactive.Text ?? text;
        var problem =
            json?["messaging_product"]?.GetValue<string>() != "whatsapp" ? "(#100) The parameter messaging_product is required and must be whatsapp." :
            string.IsNullOrWhiteSpace(to) ? "(#100) The parameter to (or recipient) is required." :
            interactive.Problem is { } invalid ? invalid :
            json?["type"]?.GetValue<string>() is not (null or "text" or "interactive") ? "(#100) Only text and interactive messages are supported by the simulator." :
            string.IsNullOrEmpty(text) ? "(#100) The parameter text['body'] is required." :
            text.Length > WhatsAppTextLimit ? $"(#100) Param text['body'] must be at most {WhatsAppTextLimit} characters long." :
            null;
        if (problem is not null)
        {
            return record(400, GraphError(400, 100, problem, "OAuthException"), null);
        }

        var messageId = WebhookPayloads.NewWhatsAppMessageId();
        var callbackData = json?["biz_opaque_callback_data"]?.GetValue<string>();
        chats.AddShopMessage(Platform.WhatsApp, account.AccountId, to!, messageId, text!, interactive.Kind, interactive.Choices);
        statusWebhooks.ScheduleWhatsAppStatuses(account, to!, messageId, callbackData);
        return record(200, Results.Json(new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = messageId }),
        }), messageId);
    }

    private static IResult SendInstagram(
        SimulatedAccount account, JsonNode? json, Func<int, IResult, string?, IResult> record, ChatStore chats, StatusWebhooks statusWebhooks)
    {
        var recipient = json?["recipient"]?["id"]?.GetValue<string>();
        var text = json?["message"]?["text"]?.GetValue<string>();
        var messagingType = json?["messaging_type"]?.GetValue<string>();
        var tag = json?["tag"]?.GetValue<string>();
        var (quickReplies, quickReplyProblem) = ChatChoices.Instagram(json?["message"]);
        var problem =
            quickReplyProblem is { } invalid ? invalid :
            string.IsNullOrWhiteSpace(recipient) ? "(#100) The parameter recipient is required." :
            string.IsNullOrEmpty(text) ? "(#100) The parameter message['text'] is required." :
            Encoding.UTF8.GetByteCount(text) > InstagramTextByteLimit ? $"(#100) Length of param message[text] must be less than or equal to {InstagramTextByteLimit}" :
            messagingType == "MESSAGE_TAG" && tag != "HUMAN_AGENT" ? "(#100) Param tag must be HUMAN_AGENT for Instagram messaging." :
            null;
        if (problem is not null)
        {
            return record(400, GraphError(400, 100, problem, "OAuthException"), null);
        }

        var messageId = WebhookPayloads.NewInstagramMessageId();
        chats.AddShopMessage(Platform.Instagram, account.AccountId, recipient!, messageId, text!, "quick_reply", quickReplies);
        statusWebhooks.ScheduleInstagramEchoAndRead(account, recipient!, messageId, text!);
        return record(200, Results.Json(new JsonObject { ["recipient_id"] = recipient, ["message_id"] = messageId }), messageId);
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal static IResult GraphError(int status, int code, string message, string type, string? details = null)
    {
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
            ["fbtrace_id"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)),
        };
        if (details is not null)
        {
            error["error_data"] = new JsonObject { ["details"] = details };
        }

        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }

    internal static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
