using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Of a search's hits, those whose names hold the customer's words: names first, descriptions only as a last word.</summary>
public static class NamedHits
{
    /// <summary>
    /// Of several hits, the one whose name holds more of the query's words than any other, when it holds two or more: «عطر عود» is
    /// the oud perfume, not also the musk perfume that shares «عطر»; "argan hair oil" is not the scrub whose description mentions oil.
    /// Hits that tie (the sizes or colours of one product) stay a list.
    /// </summary>
    /// <remarks>
    /// One word is enough when the other hits hold it nowhere, not even in their descriptions (the search guessed: «ماسكارا» is not
    /// «ماسك»); otherwise those holding the most words in their names stay, look-alikes that tie as a list.
    /// </remarks>
    internal static IReadOnlyList<ProductFact> MostNamed(IReadOnlyList<ProductFact> hits, string query)
    {
        var words = Words(query).Where(w => w.Length >= 2).Distinct().ToList();
        if (hits.Count < 2 || words.Count == 0)
        {
            return hits;
        }

        var scored = hits.Select(h => (Hit: h, Named: Held(Words(h.Name).ToList(), words))).OrderByDescending(s => s.Named).ToList();
        if (scored[0].Named >= 2 && scored[0].Named > scored[1].Named)
        {
            return [scored[0].Hit];
        }

        if (scored[0].Named >= 1 && scored.Skip(1).All(s => Held(Words($"{s.Hit.Name} {s.Hit.Description}").ToList(), words) == 0))
        {
            return [scored[0].Hit];
        }

        // A name holding the customer's words beats one that holds fewer, or only a description that mentions them: «عجوة» is the ajwa
        // dates, not the maamoul filled with ajwa; "ajwa dates" not the mixed box of sukkari, ajwa and medjool dates.
        return scored[0].Named >= 1 ? scored.Where(s => s.Named == scored[0].Named).Select(s => s.Hit).ToList() : hits;
    }

    /// <summary>True when the product's name holds a word of the query: a search that found it through its description only guessed.</summary>
    public static bool NameHolds(string name, string query) =>
        Held(Words(name).ToList(), Words(query).Where(w => w.Length >= 2).Distinct().ToList()) > 0;

    // How many of the words the text holds, as a word or with a short ending («كريم» in «كريمات», «سيرومات» for «سيروم», «سماعات»
    // for «سماعه»), or as the singular of a plural («مكانس» for «مكنسه»).
    private static int Held(List<string> text, List<string> words) => words.Count(w => text.Any(n => n == w
        || w.Length >= 4 && n.StartsWith(w, StringComparison.Ordinal) && n.Length - w.Length <= 2
        || n.Length >= 4 && w.StartsWith(n, StringComparison.Ordinal) && w.Length - n.Length <= 2
        || Stem(n) is { Length: >= 3 } stem && (stem == Stem(w) || stem == ArabicWord.Singular(w))));

    // An Arabic word without its feminine or plural ending: «سماعه», «سماعات» → «سماع».
    private static string Stem(string word) =>
        !TextFolding.IsArabicScript(word) || word.Length < 4 ? word
        : word.EndsWith("ات", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('ه') ? word[..^1]
        : word.Length >= 5 && (word.EndsWith("ين", StringComparison.Ordinal) || word.EndsWith("ون", StringComparison.Ordinal)) ? word[..^2]
        : word;

    private static IEnumerable<string> Words(string text) => TextFolding.Tokens(TextFolding.Fold(text)).Select(ArabicWord.StripArticle);
}
