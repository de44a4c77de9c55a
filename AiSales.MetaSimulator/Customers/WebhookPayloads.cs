using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiSales.MetaSimulator.Graph;

namespace AiSales.MetaSimulator.Customers;

/// <summary>
/// Webhook bodies in Meta's documented shapes (see tests' Meta fixtures). Serialised with the default
/// encoder, which escapes non-ASCII as \uXXXX just as Meta does, so signatures are made over those bytes.
/// </summary>
public static class WebhookPayloads
{
    public const string WhatsAppBusinessAccountId = "102290129340398";

    // Meta's ids look like base64; '+' and '/' are left out so the ids read the same raw and JSON-escaped.
    public static string NewWhatsAppMessageId() => "wamid." + IdCharacters(33) + "=";

    public static string NewInstagramMessageId() => "aWdf" + IdCharacters(40);

    private static string IdCharacters(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);

    /// <summary>One WhatsApp entry carrying the given messages from one customer.</summary>
    public static JsonObject WhatsAppMessages(string phoneNumberId, string customerPhone, string customerName, params JsonObject[] messages) =>
        WhatsAppEnvelope(phoneNumberId, new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject
            {
                ["profile"] = new JsonObject { ["name"] = customerName },
                ["wa_id"] = customerPhone,
            }),
            ["messages"] = new JsonArray(messages),
        });

    public static JsonObject WhatsAppText(string customerPhone, string id, DateTimeOffset at, string text) =>
        WhatsAppMessage(customerPhone, id, at, "text", new JsonObject { ["body"] = text });

    public static JsonObject WhatsAppImage(string customerPhone, string id, DateTimeOffset at, string caption, SimulatedMedia media) =>
        WhatsAppMessage(customerPhone, id, at, "image", new JsonObject
        {
            ["caption"] = caption,
            ["mime_type"] = media.MimeType,
            ["sha256"] = media.Sha256,
            ["id"] = media.Id,
        });

    public static JsonObject WhatsAppReaction(string customerPhone, string id, DateTimeOffset at, string reactedMessageId, string emoji) =>
        WhatsAppMessage(customerPhone, id, at, "reaction", new JsonObject { ["message_id"] = reactedMessageId, ["emoji"] = emoji });

    public static JsonObject WhatsAppStatus(string phoneNumberId, string messageId, string status, DateTimeOffset at, string recipient, string? callbackData)
    {
        var item = new JsonObject
        {
            ["id"] = messageId,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
        };
        if (callbackData is not null)
        {
            item["biz_opaque_callback_data"] = callbackData;
        }

        return WhatsAppEnvelope(phoneNumberId, new JsonObject { ["statuses"] = new JsonArray(item) });
    }

    /// <summary>Several bodies' entries in one delivery, as Meta batches them.</summary>
    public static JsonObject Batch(params JsonObject[] bodies)
    {
        var entries = new JsonArray();
        foreach (var body in bodies)
        {
            foreach (var entry in body["entry"]!.AsArray())
            {
                entries.Add(entry!.DeepClone());
            }
        }

        return new JsonObject { ["object"] = bodies[0]["object"]!.DeepClone(), ["entry"] = entries };
    }

    public static JsonObject InstagramText(string accountId, string customerId, string mid, DateTimeOffset at, string text) =>
        InstagramEvent(accountId, customerId, accountId, at, new JsonObject { ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text } });

    public static JsonObject InstagramAttachment(string accountId, string customerId, string mid, DateTimeOffset at, string type, string url) =>
        InstagramEvent(accountId, customerId, accountId, at, new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["mid"] = mid,
                ["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = url } }),
            },
        });

    public static JsonObject InstagramReaction(string accountId, string customerId, DateTimeOffset at, string reactedMid, string emoji) =>
        InstagramEvent(accountId, customerId, accountId, at, new JsonObject
        {
            ["reaction"] = new JsonObject { ["mid"] = reactedMid, ["action"] = "react", ["reaction"] = "love", ["emoji"] = emoji },
        });

    public static JsonObject InstagramEcho(string accountId, string customerId, string mid, DateTimeOffset at, string text) =>
        InstagramEvent(accountId, accountId, customerId, at, new JsonObject
        {
            ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text, ["is_echo"] = true },
        });

    public static JsonObject InstagramRead(string accountId, string customerId, string mid, DateTimeOffset at) =>
        InstagramEvent(accountId, customerId, accountId, at, new JsonObject { ["read"] = new JsonObject { ["mid"] = mid } });

    internal static JsonObject WhatsAppMessage(string customerPhone, string id, DateTimeOffset at, string type, JsonObject content) => new()
    {
        ["from"] = customerPhone,
        ["id"] = id,
        ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["type"] = type,
        [type] = content,
    };

    private static JsonObject WhatsAppEnvelope(string phoneNumberId, JsonObject value)
    {
        value.Insert(0, "messaging_product", "whatsapp");
        value.Insert(1, "metadata", new JsonObject
        {
            ["display_phone_number"] = "15550783881",
            ["phone_number_id"] = phoneNumberId,
        });
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = WhatsAppBusinessAccountId,
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
    }

    internal static JsonObject InstagramEvent(string accountId, string senderId, string recipientId, DateTimeOffset at, JsonObject content)
    {
        var item = new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = senderId },
            ["recipient"] = new JsonObject { ["id"] = recipientId },
            ["timestamp"] = at.ToUnixTimeMilliseconds(),
        };
        foreach (var (key, value) in content.ToList())
        {
            content.Remove(key);
            item[key] = value;
        }

        return new JsonObject
        {
            ["object"] = "instagram",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = accountId,
                ["time"] = at.ToUnixTimeMilliseconds(),
                ["messaging"] = new JsonArray(item),
            }),
        };
    }
}
