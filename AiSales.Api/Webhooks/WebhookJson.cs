using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Tolerant readers over Meta's JSON: a missing or wrongly typed field reads as null instead of throwing,
/// and every string is made storable (PostgreSQL text and jsonb refuse NUL and lone surrogates).
/// </summary>
public static class WebhookJson
{
    private const int MaxDepth = 24;

    public static JsonElement Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static string? Str(this JsonElement element, string name)
    {
        var value = element.Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => Clean(value.GetString()),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    public static bool IsTrue(this JsonElement element, string name) => element.Get(name).ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name)
    {
        var value = element.Get(name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
    }

    public static int? Int(this JsonElement element, string name)
    {
        var value = element.Get(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    /// <summary>Unix seconds (WhatsApp, a string) or milliseconds (Instagram, a number); null when absurd.</summary>
    public static DateTimeOffset? UnixTime(this JsonElement element, string name, bool milliseconds)
    {
        var value = element.Get(name);
        long raw;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out raw))
        {
        }
        else if (value.ValueKind != JsonValueKind.String || !long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out raw))
        {
            return null;
        }

        var seconds = milliseconds ? raw / 1000 : raw;
        // 2001 … 2100: anything outside is not a real Meta timestamp.
        if (seconds is < 1_000_000_000 or > 4_102_444_800)
        {
            return null;
        }

        return milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(raw) : DateTimeOffset.FromUnixTimeSeconds(raw);
    }

    /// <summary>A storable copy of a JSON value for messages.payload (cleaned strings, bounded depth).</summary>
    public static JsonNode? Copy(JsonElement element, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    obj[Clean(property.Name) ?? ""] = Copy(property.Value, depth + 1);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Copy(item, depth + 1));
                }

                return array;
            case JsonValueKind.String:
                return JsonValue.Create(Clean(element.GetString()));
            case JsonValueKind.Number:
                // jsonb numbers are numeric: keep ordinary ones, store anything exotic as its text.
                var raw = element.GetRawText();
                return raw.Length <= 30 && element.TryGetDouble(out var d) && double.IsFinite(d)
                    ? JsonNode.Parse(raw)
                    : JsonValue.Create(raw);
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    /// <summary>Adds a copy of element[name] to the payload when present.</summary>
    public static void CopyInto(this JsonObject payload, JsonElement element, string name, string? key = null)
    {
        var value = element.Get(name);
        if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            payload[key ?? name] = Copy(value);
        }
    }

    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var needsWork = false;
        foreach (var c in value)
        {
            if (c == '\0' || char.IsSurrogate(c))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return value;
        }

        // Round-tripping through UTF-8 replaces lone surrogates with U+FFFD; valid pairs survive.
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)).Replace("\0", "", StringComparison.Ordinal);
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// An error text as stored in webhook_events.error: made storable and at most 2,000 characters. A parser's message
    /// can quote the body's own bytes (a NUL in a broken literal), and one unstorable error would fail its whole batch.
    /// </summary>
    public static string? ErrorText(string? value) => Truncate(Clean(value), 2000);

    public static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
