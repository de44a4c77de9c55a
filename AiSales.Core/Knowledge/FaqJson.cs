using System.Text.Json;

namespace AiSales.Core.Knowledge;

/// <summary>How merchants.faq is stored: a JSON array of <c>{"question", "answer"}</c> objects (the API's own shape).</summary>
public static class FaqJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<FaqEntry> faq) => JsonSerializer.Serialize(faq, Options);

    /// <summary>Reads the column; entries missing a question or an answer (never written by the API) are skipped.</summary>
    public static IReadOnlyList<FaqEntry> Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json)
            ? []
            : (JsonSerializer.Deserialize<List<FaqEntry?>>(json, Options) ?? [])
                .Where(e => !string.IsNullOrWhiteSpace(e?.Question) && !string.IsNullOrWhiteSpace(e?.Answer))
                .Select(e => e!)
                .ToList();
}
