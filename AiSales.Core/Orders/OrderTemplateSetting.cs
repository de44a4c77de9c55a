using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiSales.Core.Orders;

/// <summary>
/// A merchant's template for one order event (merchants.order_templates, docs/templates.md): an approved WhatsApp template,
/// its language, its body text and how many of <see cref="OrderNoticeParameters"/> it takes (learnt from the WABA when it
/// was set).
/// </summary>
public sealed record OrderTemplateSetting(string Name, string Language, int ParameterCount, string Body)
{
    public const string Confirmed = "confirmed";
    public const string Fulfilled = "fulfilled";

    public static readonly string[] Events = [Confirmed, Fulfilled];

    /// <summary>The setting of one event from the stored object, or null when it is not set (or not readable).</summary>
    public static OrderTemplateSetting? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject o
                && o["name"]?.GetValue<string>() is { Length: > 0 } name && o["language"]?.GetValue<string>() is { Length: > 0 } language
                ? new OrderTemplateSetting(name, language, o["parameterCount"]?.GetValue<int>() ?? 0, o["body"]?.GetValue<string>() ?? name)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public JsonObject ToJson() => new() { ["name"] = Name, ["language"] = Language, ["parameterCount"] = ParameterCount, ["body"] = Body };
}
