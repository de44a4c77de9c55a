using AiSales.Api.Security;
using AiSales.Core.Knowledge;

namespace AiSales.Api.AiConfig;

/// <summary>Checks a PUT body field by field (every failing field named at once) and returns the values to store, trimmed.</summary>
public static class AiConfigValidation
{
    public const int MaxKeywords = 50;
    private static readonly string[] Languages = ["auto", "ar", "en"];

    /// <summary>What the assistant may do with a photo it cannot see: ask which product, or hand over to a person.</summary>
    public static readonly string[] ImageReplies = ["ask", "handoff"];

    public static AiConfigUpdate Validate(AiConfigRequest request, FieldErrors errors)
    {
        var assistantName = errors.Text("assistantName", request.AssistantName, 100);
        var persona = errors.Text("persona", request.Persona, 4000, required: false);
        var greeting = errors.Text("greeting", request.Greeting, 1000, required: false);
        var language = request.Language?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language))
        {
            errors.Add("language", "must be one of: auto, ar, en.");
        }

        if (request.AiEnabled is null)
        {
            errors.Add("aiEnabled", "is required (true or false).");
        }

        var imageReply = request.ImageReply?.Trim().ToLowerInvariant();
        if (request.ImageReply is not null && !ImageReplies.Contains(imageReply))
        {
            errors.Add("imageReply", "must be ask (ask which product the photo shows) or handoff (hand the conversation to a person).");
        }

        return new AiConfigUpdate(
            assistantName, persona, language ?? "", greeting, request.AiEnabled ?? false,
            Keywords(request.HandoffKeywords ?? [], errors), Faq(request.Faq, errors), request.InteractiveReplies, imageReply);
    }

    private static List<string> Keywords(List<string?> submitted, FieldErrors errors)
    {
        var keywords = new List<string>();
        if (submitted.Count > MaxKeywords)
        {
            errors.Add("handoffKeywords", $"must hold at most {MaxKeywords} keywords.");
        }

        for (var i = 0; i < submitted.Count && i < MaxKeywords; i++)
        {
            var keyword = submitted[i]?.Trim() ?? "";
            if (keyword.Length is 0 or > 100)
            {
                errors.Add($"handoffKeywords[{i}]", "must be 1 to 100 characters.");
            }
            else if (!keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase))
            {
                keywords.Add(keyword);
            }
        }

        return keywords;
    }

    private static List<FaqEntry>? Faq(List<FaqEntryRequest?>? submitted, FieldErrors errors)
    {
        if (submitted is null)
        {
            return null;
        }

        if (submitted.Count > FaqEntry.MaxEntries)
        {
            errors.Add("faq", $"must hold at most {FaqEntry.MaxEntries} entries (it has {submitted.Count}).");
            return [];
        }

        var faq = new List<FaqEntry>(submitted.Count);
        for (var i = 0; i < submitted.Count; i++)
        {
            if (submitted[i] is not { } entry)
            {
                errors.Add($"faq[{i}]", "must be an object with a question and an answer, not null.");
                continue;
            }

            var question = errors.Text($"faq[{i}].question", entry.Question, FaqEntry.MaxQuestionLength);
            var answer = errors.Text($"faq[{i}].answer", entry.Answer, FaqEntry.MaxAnswerLength);
            faq.Add(new FaqEntry(question, answer));
        }

        return faq;
    }
}
