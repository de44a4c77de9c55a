using System.Text.Json.Nodes;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// The Graph API bodies that tell a customer their message was seen and an answer is coming (contract §5), in order.
/// WhatsApp: one request, the read receipt of their last message with a typing indicator (it needs that message's
/// wamid). Instagram: the <c>mark_seen</c> then the <c>typing_on</c> sender action. Without <paramref name="typing"/>
/// (the reply is already on its way), only the read receipt / <c>mark_seen</c>.
/// </summary>
public static class TypingBodies
{
    public static IReadOnlyList<JsonObject> For(string platform, string recipient, string? lastMessageExternalId, bool typing = true)
    {
        if (platform == Platforms.WhatsApp)
        {
            if (lastMessageExternalId is null)
            {
                return [];
            }

            var read = new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = lastMessageExternalId };
            if (typing)
            {
                read["typing_indicator"] = new JsonObject { ["type"] = "text" };
            }

            return [read];
        }

        return platform == Platforms.Instagram
            ? typing ? [SenderAction(recipient, "mark_seen"), SenderAction(recipient, "typing_on")] : [SenderAction(recipient, "mark_seen")]
            : [];
    }

    private static JsonObject SenderAction(string recipient, string action) => new()
    {
        ["recipient"] = new JsonObject { ["id"] = recipient },
        ["sender_action"] = action,
    };
}
