using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AiSales.Core.Messaging;

/// <summary>
/// An approved WhatsApp template message (contract section 5), shaped exactly as the Cloud API documents it:
/// <c>{"messaging_product":"whatsapp","recipient_type":"individual","to":…,"type":"template","template":{"name":…,
/// "language":{"code":…},"components":[{"type":"body","parameters":[{"type":"text","text":…}]}]}}</c>.
/// The body's positional placeholders ({{1}}, {{2}}…) take the parameters in order.
/// </summary>
public static partial class TemplateMessage
{
    /// <summary>The <c>template</c> object; no components when the template takes no parameters.</summary>
    public static JsonObject Template(string name, string language, IReadOnlyList<string> parameters)
    {
        var template = new JsonObject
        {
            ["name"] = name,
            ["language"] = new JsonObject { ["code"] = language },
        };
        if (parameters.Count > 0)
        {
            var values = new JsonArray();
            foreach (var parameter in parameters)
            {
                values.Add(new JsonObject { ["type"] = "text", ["text"] = parameter });
            }

            template["components"] = new JsonArray { new JsonObject { ["type"] = "body", ["parameters"] = values } };
        }

        return template;
    }

    /// <summary>The whole request body for <c>POST {version}/{phone_number_id}/messages</c>.</summary>
    public static JsonObject Body(string recipient, JsonNode template, Guid deliveryId) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        [WhatsAppAddress.SendField(recipient)] = recipient,
        ["type"] = "template",
        ["template"] = template.DeepClone(),
        // Echoed back in status webhooks: ingestion records the wamid on this delivery.
        ["biz_opaque_callback_data"] = deliveryId.ToString(),
    };

    /// <summary>The template's body text with its placeholders filled: what the conversation shows.</summary>
    public static string Render(string body, IReadOnlyList<string> parameters) =>
        Placeholder().Replace(body, match =>
            int.TryParse(match.Groups[1].Value, out var n) && n >= 1 && n <= parameters.Count ? parameters[n - 1] : match.Value);

    /// <summary>How many positional parameters a body takes (the highest {{n}}).</summary>
    public static int ParameterCount(string? body) =>
        body is null ? 0 : Placeholder().Matches(body).Select(m => int.TryParse(m.Groups[1].Value, out var n) ? n : 0).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{\{\s*(\d{1,2})\s*\}\}")]
    private static partial Regex Placeholder();
}
