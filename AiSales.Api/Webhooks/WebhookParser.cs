using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Turns a raw body into normalised items: every entry[], changes[], messages[], statuses[] and messaging[]
/// item, never only the first. Pure (no I/O), so a bad body can only end as 'unparsed'. WhatsApp's items are read here,
/// Instagram's in <see cref="InstagramWebhookParser"/>.
/// </summary>
public static class WebhookParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static List<WebhookItem> Parse(string platform, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new WebhookShapeException($"Not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.Get("entry").ValueKind != JsonValueKind.Array)
            {
                throw new WebhookShapeException("Not a Meta webhook: no entry array.");
            }

            var items = new List<WebhookItem>();
            switch (platform, root.Str("object"))
            {
                case (WebhookPlatform.WhatsApp, "whatsapp_business_account"):
                    ParseWhatsApp(root, items);
                    break;
                case (WebhookPlatform.Instagram, "instagram"):
                    InstagramWebhookParser.Parse(root, items);
                    break;
                default:
                    throw new WebhookShapeException($"Unknown object '{JsonEncodedText.Encode(root.Str("object") ?? "")}' for {platform}.");
            }

            return items;
        }
    }

    private static void ParseWhatsApp(JsonElement root, List<WebhookItem> items)
    {
        foreach (var entry in root.Items("entry"))
        {
            foreach (var change in entry.Items("changes"))
            {
                var field = change.Str("field");
                if (field is not null && field != "messages")
                {
                    continue; // template, quality and account updates: nothing for a conversation
                }

                var value = change.Get("value");
                var phoneNumberId = value.Get("metadata").Str("phone_number_id");
                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var contact in value.Items("contacts"))
                {
                    if (contact.Get("profile").Str("name") is not { } name)
                    {
                        continue;
                    }

                    // Keyed by every id the contact carries: a username user may come with a BSUID and no wa_id.
                    foreach (var key in new[] { contact.Str("wa_id"), contact.Str("user_id"), contact.Str("parent_user_id") })
                    {
                        if (key is not null)
                        {
                            names[key] = WebhookJson.Truncate(name, 200)!;
                        }
                    }
                }

                foreach (var message in value.Items("messages"))
                {
                    if (ParseWhatsAppMessage(phoneNumberId, message, names) is { } item)
                    {
                        items.Add(item);
                    }
                }

                foreach (var status in value.Items("statuses"))
                {
                    var id = status.Str("id");
                    var state = status.Str("status");
                    if (id is null || state is not ("sent" or "delivered" or "read" or "failed"))
                    {
                        continue;
                    }

                    var error = status.Items("errors").FirstOrDefault();
                    items.Add(new StatusUpdate(
                        phoneNumberId, null, status.UnixTime("timestamp", milliseconds: false),
                        id, state, error.Int("code"), WebhookJson.Truncate(error.Str("title") ?? error.Str("message"), 500),
                        status.Str("biz_opaque_callback_data")));
                }
            }
        }
    }

    private static WebhookItem? ParseWhatsAppMessage(string? phoneNumberId, JsonElement message, Dictionary<string, string> names)
    {
        // The phone number when Meta shares it, else the business-scoped user id (WhatsApp usernames, 2026).
        var from = message.Str("from") ?? message.Str("from_user_id") ?? message.Str("from_parent_user_id");
        var id = message.Str("id");
        if (from is null)
        {
            return null;
        }

        var timestamp = message.UnixTime("timestamp", milliseconds: false);
        var type = WebhookJson.Truncate(message.Str("type"), 40) ?? "unknown";
        var payload = new JsonObject();
        payload.CopyInto(message, "context");
        payload.CopyInto(message, "referral");
        payload.CopyInto(message, "errors");
        string? text = null;
        switch (type)
        {
            case "text":
                text = message.Get("text").Str("body");
                break;
            case "image" or "audio" or "video" or "document" or "sticker":
                // Media id, mime type, sha256 and caption: enough to download it later.
                payload.CopyInto(message, type, "media");
                text = message.Get(type).Str("caption");
                break;
            case "interactive":
                var interactive = message.Get("interactive");
                payload.CopyInto(message, "interactive");
                text = interactive.Get("button_reply").Str("title") ?? interactive.Get("list_reply").Str("title");
                break;
            case "button":
                payload.CopyInto(message, "button");
                text = message.Get("button").Str("text");
                break;
            case "reaction":
                var reaction = message.Get("reaction");
                return reaction.Str("message_id") is { } target
                    ? new ReactionUpdate(phoneNumberId, null, timestamp, target, WebhookJson.NullIfEmpty(reaction.Str("emoji")))
                    : null;
            default:
                // location, contacts, order, unsupported, system… kept whole under their type.
                payload.CopyInto(message, type);
                break;
        }

        return new CustomerMessage(
            phoneNumberId, null, timestamp, WebhookJson.Truncate(from, 64)!, names.GetValueOrDefault(from), id, type, text, payload,
            message.Get("context").Str("id"), TriggersReply: type != "system");
    }
}
