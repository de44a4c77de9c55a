using System.Collections.Concurrent;
using System.Text.Json;

namespace AiSales.Tests.Conversations;

/// <summary>A catalogue row; an inactive one (<c>"active": false</c>) is imported but never offered to a customer.</summary>
public sealed record ShopProduct(string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active = true);

public sealed record FaqEntry(string Question, string Answer);

public sealed record AssistantSettings(
    string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, List<string> HandoffKeywords, List<FaqEntry> Faq);

/// <summary>Bounded waits: a reply must come within ReplySeconds; "no reply" is watched for SilenceSeconds; a reply
/// is complete when nothing more arrived for SettleMilliseconds (a turn may be answered in several sends).</summary>
public sealed record SuiteTiming(double ReplySeconds, double SilenceSeconds, int SettleMilliseconds);

/// <summary>
/// A shop file (Data/shop.json, or the shop-*.json a conversation file names): the catalogue and assistant settings
/// a conversation's fresh merchant gets, the keywords that recognise a question for a detail ("asks"), and the
/// suite's timing. Another shop may leave the vocabulary and timing out: shop.json's are used.
/// </summary>
public sealed record ShopData(
    string MerchantName, AssistantSettings Assistant, List<ShopProduct> Products,
    Dictionary<string, List<string>> Vocabulary, SuiteTiming Timing)
{
    public const string DefaultFile = "shop.json";

    private static readonly ConcurrentDictionary<string, Lazy<ShopData>> s_loaded = new(StringComparer.Ordinal);

    /// <summary>shop.json or a shop-*.json file: the files in Data that are shops, not conversations.</summary>
    public static bool IsShopFile(string fileName) =>
        fileName == DefaultFile || (fileName.StartsWith("shop-", StringComparison.Ordinal) && fileName.EndsWith(".json", StringComparison.Ordinal));

    public static ShopData Load(string fileName = DefaultFile) => s_loaded.GetOrAdd(fileName, f => new(() => Read(f))).Value;

    private static ShopData Read(string fileName)
    {
        var path = Path.Combine(ConversationLibrary.DataDirectory, fileName);
        if (!IsShopFile(fileName) || !File.Exists(path))
        {
            throw new InvalidDataException($"There is no shop Conversations/Data/{fileName} (a shop file is shop.json or shop-*.json).");
        }

        ShopData shop;
        try
        {
            shop = JsonSerializer.Deserialize<ShopData>(File.ReadAllText(path), ConversationLibrary.Json)
                ?? throw new InvalidDataException("empty file");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"Conversations/Data/{fileName}: {e.Message}", e);
        }

        return fileName == DefaultFile || (shop.Vocabulary is not null && shop.Timing is not null) ? shop
            : shop with { Vocabulary = shop.Vocabulary ?? Load().Vocabulary, Timing = shop.Timing ?? Load().Timing };
    }

    /// <summary>The words that show a reply asks for (or talks about) a detail: "name", "address", "phone", "handoff"….</summary>
    public IReadOnlyList<string> Words(string key) =>
        Vocabulary.TryGetValue(key, out var words) ? words : throw new InvalidDataException($"The shop's vocabulary has no entry '{key}'.");
}
