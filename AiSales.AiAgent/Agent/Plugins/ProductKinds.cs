using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>
/// The names one kind of product goes by across the dialects and the two languages: a customer's «شنطة» is a catalogue's
/// «حقيبة», a Levantine «كندرة» an Egyptian «جزمة» and a catalogue's «حذاء», "shoes" an Arabic-only catalogue's «حذاء».
/// The catalogue search matches words, not kinds; when none of the products it found is of the kind the customer named,
/// the search is tried again under that kind's other names (<see cref="CatalogPlugin"/>).
/// </summary>
public static class ProductKinds
{
    // The standard Arabic name first, the English second: what a catalogue most likely says when the customer's word failed.
    private static readonly string[][] Kinds =
    [
        ["حقيبة", "bag", "شنطة", "جنطة", "حقائب", "purse"],
        ["حذاء", "shoes", "جزمة", "كندرة", "صباط", "بوط", "احذية"],
        ["عباءة", "abaya", "عباية", "عبايات"],
        ["فستان", "dress", "فساتين"],
        ["بنطلون", "trousers", "بنطال", "سروال", "pants"],
        ["قميص", "shirt", "قمصان"],
        ["جاكيت", "jacket", "جاكيتة", "جاكت"],
        ["عطر", "perfume", "عطور", "برفان", "بارفان", "fragrance"],
        ["ساعة", "watch"],
        ["هاتف", "phone", "جوال", "موبايل", "تلفون", "mobile"],
        ["جراب", "cover", "كفر", "غطاء"],
        ["سماعة", "headphones", "سماعات", "earphones", "earbuds"],
        ["شاحن", "charger"],
        ["مقلاة", "pan", "طاوة", "طاسة"],
        ["قدر", "pot", "جدر", "طنجرة"],
        ["كوب", "mug", "مج", "كاسة"],
        ["كنبة", "sofa", "صوفا", "couch"],
    ];

    // At most this many other names are tried, each a search: a customer's word that found nothing costs a few more.
    private const int MostTried = 4;

    // Each name, folded, to the folded names of its kind.
    private static readonly Dictionary<string, string[]> s_kindOf = Kinds
        .Select(kind => kind.Select(TextFolding.Fold).Distinct().ToArray())
        .SelectMany(kind => kind.Select(name => (name, kind)))
        .ToDictionary(e => e.name, e => e.kind, StringComparer.Ordinal);

    /// <summary>The first word of <paramref name="query"/> that names a kind (its clitics aside), with the kind's names.</summary>
    public static (string Word, string[] Names)? Named(string query)
    {
        foreach (var word in TextFolding.Tokens(TextFolding.Fold(query)))
        {
            foreach (var bare in ArabicWord.WithoutPrefixes(word))
            {
                if (s_kindOf.TryGetValue(bare, out var names))
                {
                    return (word, names);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> (a product's name and description) is of the kind: it holds the customer's
    /// <paramref name="word"/> («الجزمة» in «جزمة جلد»), or one of the kind's names as a word of its own.
    /// </summary>
    public static bool Names(string text, string word, string[] names)
    {
        var folded = TextFolding.Fold(text);
        return ArabicWord.WithoutPrefixes(word).Any(reading => folded.Contains(reading, StringComparison.Ordinal))
            || TextFolding.Tokens(folded).Any(token => ArabicWord.WithoutPrefixes(token).Any(bare => names.Contains(bare, StringComparer.Ordinal)));
    }

    /// <summary>
    /// The folded query with the kind's word replaced by its other names, in the order listed, at most <see cref="MostTried"/>;
    /// a name inside the word or holding it («شنط», "handbag" for "bag") is left out: the search matched it already.
    /// </summary>
    public static IEnumerable<string> Respelt(string query, string word, string[] names)
    {
        var words = TextFolding.Tokens(TextFolding.Fold(query)).ToArray();
        var at = Array.IndexOf(words, word);
        var readings = ArabicWord.WithoutPrefixes(word).ToArray();
        foreach (var name in names.Where(n => !readings.Any(r => r.Contains(n, StringComparison.Ordinal) || n.Contains(r, StringComparison.Ordinal))).Take(MostTried))
        {
            words[at] = name;
            yield return string.Join(' ', words);
        }
    }
}
