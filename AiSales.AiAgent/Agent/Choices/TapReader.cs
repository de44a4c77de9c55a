using System.Text.Json;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Choices;

/// <summary>
/// A tap read as the customer's answer: a WhatsApp <c>interactive.button_reply</c> / <c>list_reply</c> id or an
/// Instagram <c>quick_reply.payload</c> of ours becomes the words the assistant understands, in the language of the
/// tapped title (confirm → «نعم» / "yes", pick 2 → «رقم 2» / "#2"). A tap on anything else is its title, as typed text.
/// </summary>
public static class TapReader
{
    /// <summary>The text to answer for a message, given its stored payload and text; its text when it holds no tap of ours.</summary>
    public static string? TextOf(string? payloadJson, string? text)
    {
        if (Id(payloadJson) is not { } id || !id.StartsWith("aisales:", StringComparison.Ordinal))
        {
            return text;
        }

        var arabic = text is not null && TextFolding.IsArabicScript(text);
        return id switch
        {
            ChoiceIds.Confirm => arabic ? "نعم" : "yes",
            ChoiceIds.Change => arabic ? "لا" : "no",
            ChoiceIds.Human => arabic ? "أبي أكلم موظف" : "I want to talk to a person",
            _ when id.StartsWith(ChoiceIds.PickPrefix, StringComparison.Ordinal)
                   && int.TryParse(id[ChoiceIds.PickPrefix.Length..], out var n) && n is >= 1 and <= 30 => arabic ? $"رقم {n}" : $"#{n}",
            _ => text,
        };
    }

    private static string? Id(string? payloadJson)
    {
        if (string.IsNullOrWhiteSpace(payloadJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("interactive", out var interactive) && interactive.ValueKind == JsonValueKind.Object)
            {
                foreach (var kind in new[] { "button_reply", "list_reply" })
                {
                    if (interactive.TryGetProperty(kind, out var reply) && reply.ValueKind == JsonValueKind.Object
                        && reply.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                    {
                        return id.GetString();
                    }
                }
            }

            return root.TryGetProperty("quick_reply", out var quick) && quick.ValueKind == JsonValueKind.Object
                && quick.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.String
                ? payload.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
