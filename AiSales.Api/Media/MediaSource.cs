using System.Text.Json.Nodes;
using AiSales.Core.Media;
using AiSales.Core.Messaging;

namespace AiSales.Api.Media;

/// <summary>
/// Where a customer's file can be fetched from, read from the message the webhook parser stored: WhatsApp gives a
/// media id (payload.media.id, fetched through the Graph API), Instagram a direct attachment URL (first attachment's
/// payload.url). Null for messages without a file we fetch (text, location, story mentions, shares…).
/// </summary>
public sealed record MediaSource(string Type, string? GraphMediaId, string? Url, string? DeclaredMime)
{
    public static MediaSource? Of(string platform, string kind, JsonObject payload)
    {
        if (platform == Platforms.WhatsApp)
        {
            return MediaLimits.IsMediaType(kind) && payload["media"] is JsonObject media && Text(media["id"]) is { } id
                ? new MediaSource(kind, id, null, Text(media["mime_type"]))
                : null;
        }

        var type = kind == "file" ? MediaLimits.Document : kind;
        if (!MediaLimits.IsMediaType(type) || payload["attachments"] is not JsonArray { Count: > 0 } attachments)
        {
            return null;
        }

        return attachments[0]?["payload"]?["url"] is { } url && Text(url) is { } link
               && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? new MediaSource(type, null, link, null)
            : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length is > 0 and <= 2048 ? text : null;
}
