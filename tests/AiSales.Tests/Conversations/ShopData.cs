using System.Text.Json;

namespace AiSales.Tests.Conversations;

public sealed record ShopProduct(string Sku, string Name, string Description, decimal Price, string Currency, int Stock);

public sealed record FaqEntry(string Question, string Answer);

public sealed record AssistantSettings(
    string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, List<string> HandoffKeywords, List<FaqEntry> Faq);

/// <summary>Bounded waits: a reply must come within ReplySeconds; "no reply" is watched for SilenceSeconds; a reply
/// is complete when nothing more arrived for SettleMilliseconds (a turn may be answered in several sends).</summary>
public sealed record SuiteTiming(double ReplySeconds, double SilenceSeconds, int SettleMilliseconds);

/// <summary>
/// Data/shop.json: the catalogue and assistant settings every conversation's fresh merchant gets, the keywords
/// that recognise a question for a detail ("asks"), and the suite's timing.
/// </summary>
public sealed record ShopData(
    string MerchantName, AssistantSettings Assistant, List<ShopProduct> Products,
    Dictionary<string, List<string>> Vocabulary, SuiteTiming Timing)
{
    public static ShopData Load()
    {
        var path = Path.Combine(ConversationLibrary.DataDirectory, "shop.json");
        return JsonSerializer.Deserialize<ShopData>(File.ReadAllText(path), ConversationLibrary.Json)
            ?? throw new InvalidDataException("Conversations/Data/shop.json is empty.");
    }

    /// <summary>The words that show a reply asks for (or talks about) a detail: "name", "address", "phone", "handoff"….</summary>
    public IReadOnlyList<string> Words(string key) =>
        Vocabulary.TryGetValue(key, out var words) ? words : throw new InvalidDataException($"shop.json has no vocabulary entry '{key}'.");
}
