using System.Text.Json.Nodes;
using AiSales.MetaSimulator.Customers;

namespace AiSales.MetaSimulator.Graph;

/// <summary>
/// The "seen" and "typing…" requests a business sends (contract §5): a WhatsApp read receipt with a typing indicator
/// (<c>{"status":"read","message_id":…,"typing_indicator":{"type":"text"}}</c>) and the Instagram <c>mark_seen</c> /
/// <c>typing_on</c> sender actions. The chat shows the customer's message read and a typing bubble.
/// </summary>
public static class GraphSignals
{
    public static bool IsSignal(JsonNode? json) =>
        json?["sender_action"] is not null || (json?["status"] is JsonValue status && status.TryGetValue<string>(out var s) && s == "read");

    public static IResult Handle(SimulatedAccount account, JsonNode json, ChatStore chats)
    {
        if (account.Platform == Platform.WhatsApp)
        {
            var messageId = json["message_id"]?.GetValue<string>();
            if (json["messaging_product"]?.GetValue<string>() != "whatsapp" || string.IsNullOrEmpty(messageId))
            {
                return GraphApi.GraphError(400, 100, "(#100) The parameters messaging_product and message_id are required.", "OAuthException");
            }

            chats.CustomerMessageRead(account.Platform, account.AccountId, messageId, typing: json["typing_indicator"]?["type"]?.GetValue<string>() == "text");
            return Results.Json(new JsonObject { ["success"] = true });
        }

        var recipient = json["recipient"]?["id"]?.GetValue<string>();
        var action = json["sender_action"]?.GetValue<string>();
        if (string.IsNullOrEmpty(recipient) || action is not ("mark_seen" or "typing_on" or "typing_off"))
        {
            return GraphApi.GraphError(400, 100, "(#100) sender_action must be mark_seen, typing_on or typing_off, with a recipient.", "OAuthException");
        }

        chats.CustomerSignal(account.Platform, account.AccountId, recipient, action);
        return Results.Json(new JsonObject { ["recipient_id"] = recipient });
    }
}
