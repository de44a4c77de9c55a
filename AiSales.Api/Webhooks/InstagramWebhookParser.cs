using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Instagram's half of <see cref="WebhookParser"/>: every entry[].messaging[] item (messages, echoes, reactions, reads,
/// deletions), and every entry[].changes[] item whose value has the same shape (Meta's field-subscription format, e.g.
/// <c>{"field":"messages","value":{"sender":…,"recipient":…,"message":…}}</c>; comments and other fields carry none).
/// </summary>
public static class InstagramWebhookParser
{
    public static void Parse(JsonElement root, List<WebhookItem> items)
    {
        foreach (var entry in root.Items("entry"))
        {
            var accountId = entry.Str("id");
            var changes = entry.Items("changes").Select(change => change.Get("value")).Where(value => value.ValueKind == JsonValueKind.Object);
            foreach (var messaging in entry.Items("messaging").Concat(changes))
            {
                if (ParseInstagramItem(accountId, messaging) is { } item)
                {
                    items.Add(item);
                }
            }
        }
    }

    private static WebhookItem? ParseInstagramItem(string? accountId, JsonElement messaging)
    {
        var sender = messaging.Get("sender").Str("id");
        var recipient = messaging.Get("recipient").Str("id");
        // Milliseconds in messaging[]; seconds in some changes[] values. Each reading only accepts a plausible date.
        var timestamp = messaging.UnixTime("timestamp", milliseconds: true) ?? messaging.UnixTime("timestamp", milliseconds: false);

        if (messaging.Get("message") is { ValueKind: JsonValueKind.Object } message)
        {
            var mid = message.Str("mid");
            if (message.IsTrue("is_deleted"))
            {
                return mid is null ? null : new MessageDeleted(accountId, recipient, timestamp, mid);
            }

            var (kind, text, payload) = DescribeInstagramMessage(message);
            if (message.IsTrue("is_echo"))
            {
                // Sent from the business account: the customer is the recipient.
                return mid is null || recipient is null ? null : new EchoMessage(accountId, sender, timestamp, recipient, mid, kind, text, payload);
            }

            return sender is null
                ? null
                : new CustomerMessage(accountId, recipient, timestamp, sender, null, mid, kind, text, payload,
                    message.Get("reply_to").Str("mid"), TriggersReply: true);
        }

        if (messaging.Get("reaction") is { ValueKind: JsonValueKind.Object } reaction)
        {
            var target = reaction.Str("mid");
            var emoji = reaction.Str("action") == "unreact" ? null : reaction.Str("emoji") ?? reaction.Str("reaction");
            return target is null ? null : new ReactionUpdate(accountId, recipient, timestamp, target, WebhookJson.NullIfEmpty(emoji));
        }

        if (messaging.Get("postback") is { ValueKind: JsonValueKind.Object } postback)
        {
            var payload = new JsonObject();
            payload.CopyInto(messaging, "postback");
            return sender is null
                ? null
                : new CustomerMessage(accountId, recipient, timestamp, sender, null, postback.Str("mid"), "postback",
                    postback.Str("title"), payload, null, TriggersReply: true);
        }

        if (messaging.Get("read") is { ValueKind: JsonValueKind.Object } read)
        {
            var watermark = read.UnixTime("watermark", milliseconds: true);
            return sender is null ? null : new ReadReceipt(accountId, recipient, timestamp, sender, read.Str("mid"), watermark);
        }

        return null; // referral-only, optin, standby…: nothing for a conversation
    }

    private static (string Kind, string? Text, JsonObject Payload) DescribeInstagramMessage(JsonElement message)
    {
        var payload = new JsonObject();
        payload.CopyInto(message, "attachments");
        payload.CopyInto(message, "quick_reply");
        payload.CopyInto(message, "referral");
        payload.CopyInto(message, "reply_to");
        var text = message.Str("text");
        var kind = "text";
        if (message.Get("reply_to").Get("story") is { ValueKind: JsonValueKind.Object } story)
        {
            kind = "story_reply";
            payload["story"] = new JsonObject { ["id"] = story.Str("id"), ["url"] = story.Str("url") };
        }
        else if (message.Items("attachments").FirstOrDefault() is { ValueKind: JsonValueKind.Object } attachment)
        {
            kind = WebhookJson.Truncate(attachment.Str("type"), 40) ?? "attachment";
            if (kind == "story_mention")
            {
                payload["story"] = new JsonObject { ["url"] = attachment.Get("payload").Str("url") };
            }
        }
        else if (text is null)
        {
            kind = message.IsTrue("is_unsupported") ? "unsupported" : "unknown";
        }

        return (kind, text, payload);
    }
}
