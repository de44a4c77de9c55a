using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// What a catalogue search found, read against the customer's own words: a second search in other words when the first found
/// nothing, the one product named in full, the one in the size asked for, and never a product only a two- or three-letter guess found.
/// </summary>
public static class SearchHits
{
    /// <summary>
    /// The search's hits; when the query found nothing it is searched once more in other words: an Arabizi message in its Latin
    /// words, Arabic plurals in the singular («شواحن» → «شاحن»). A plural that found one product («وش عندكم من التمور؟» found the box
    /// named «تمور») asks for the kind: the singular's products join it.
    /// </summary>
    /// An Arabizi message whose hits were all guesses (no word of its Arabic reading in them: "mascara" read «مسكره» found a musk) is
    /// searched in its Latin words too, and those hits win when there are any.
    /// <param name="at">Which of the turn's searches <paramref name="first"/> is (searches for parts of the message may come before it).</param>
    internal static (Step? Retry, IReadOnlyList<ProductFact> Hits) Found(OfflineTurn turn, TurnResults done, ToolResult first, string query, int at = 0)
    {
        var hits = Plausible(first.Products(), query);
        var guessed = hits.Count > 0 && Arabizi.Looks(turn.CustomerText) && !hits.Any(h => Verbatim(h, query));
        var kind = hits.Count == 1 && !guessed && !query.Contains(' ') && ArabicWord.Singulars(query) is var singular && singular != query ? singular : null;
        var again = hits.Count == 0 || guessed ? Respelled(turn, query) : kind;
        if (string.IsNullOrEmpty(again))
        {
            return (null, Narrowed(turn, hits, query));
        }

        if (done.Of(Tools.SearchProducts, at + 1) is { } second)
        {
            var other = Plausible(second.Products(), again);
            if (kind is not null)
            {
                return (null, other.Count > 0 ? hits.Concat(other.Where(o => o.ProductId != hits[0].ProductId)).ToList() : hits);
            }

            return (null, other.Count > 0 ? Narrowed(turn, other, again) : Narrowed(turn, hits, query));
        }

        return (Step.Call(Tools.SearchProducts, new() { ["query"] = again }), hits);
    }

    private static IReadOnlyList<ProductFact> Narrowed(OfflineTurn turn, IReadOnlyList<ProductFact> hits, string query) =>
        InColour(InSize(ByWeight.Narrow(Amounts.ByPieces(NamedHits.MostNamed(InNumbers(NamedInFull(turn.CustomerText, hits), query), query), turn.Reading.Pieces),
            turn.Reading.Weight), turn.Reading.Sizes),
            turn.Reading.Colours);

    /// <summary>
    /// Of several hits, those whose name holds the numbers the customer wrote: «قلاية 6 لتر» is the 6 L fryer, not every product
    /// sold by the litre; "the 4L and 6L air fryer" are those two, not the pans whose model is G6. Those holding every number, else
    /// those holding any, else all of them.
    /// </summary>
    public static IReadOnlyList<ProductFact> InNumbers(IReadOnlyList<ProductFact> hits, string query)
    {
        var numbers = Numbers(query);
        if (hits.Count < 2 || numbers.Count == 0)
        {
            return hits;
        }

        var every = hits.Where(h => numbers.IsSubsetOf(Numbers(h.Name))).ToList();
        var some = hits.Where(h => numbers.Overlaps(Numbers(h.Name))).ToList();
        return every.Count > 0 ? every : some.Count > 0 ? some : hits;
    }

    // "6", and the 6 of "6l" or "28cm" (a number glued to its unit); not the 6 of "g6", a model.
    private static HashSet<string> Numbers(string text) => Words(text)
        .Select(w => new string(w.TakeWhile(char.IsAsciiDigit).ToArray()) is { Length: > 0 } digits && w[digits.Length..].All(char.IsLetter) ? digits : "")
        .Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Of several hits, those in the colour the customer named, when some are: «والأحمر؟» among the matte lipsticks is the red one,
    /// not every «أحمر شفاه».
    /// </summary>
    internal static IReadOnlyList<ProductFact> InColour(IReadOnlyList<ProductFact> hits, IReadOnlyList<string> colours)
    {
        if (hits.Count < 2 || colours.Count == 0)
        {
            return hits;
        }

        var coloured = hits.Where(h => colours.All(c => Picks.HasColour(h.Name, c))).ToList();
        return coloured.Count > 0 ? coloured : hits;
    }

    // A word of the query (three letters or more) as written in the product's name or description.
    private static bool Verbatim(ProductFact hit, string query)
    {
        var text = TextFolding.Fold($"{hit.Name} {hit.Description}");
        return TextFolding.Tokens(TextFolding.Fold(query)).Any(w => w.Length >= 3 && text.Contains(ArabicWord.StripArticle(w), StringComparison.Ordinal));
    }

    /// <summary>
    /// The search forgives a wrong letter, which in a word of two or three letters is a guess: «سوف» (Arabizi "suf") is not «سودا».
    /// When every word of the query is that short, a hit must contain one of them as written. An Arabic phrase of two or three words
    /// names its kind first: a hit that holds none of its first word and only a short word after it shares what qualifies the kind, not
    /// the kind («كيكة عيد ميلاد» is no Eid tray).
    /// </summary>
    internal static IReadOnlyList<ProductFact> Plausible(IReadOnlyList<ProductFact> hits, string query)
    {
        var words = TextFolding.Tokens(TextFolding.Fold(query)).Select(ArabicWord.StripArticle).ToList();
        if (words.Count is 2 or 3 && words[0].Length >= 3 && words[0].All(TextFolding.IsArabicLetter))
        {
            var kind = ProductKinds.Named(words[0]);
            hits = hits.Where(h => TextFolding.Fold($"{h.Name} {h.Description}") is var text
                && (text.Contains(words[0], StringComparison.Ordinal) || kind is var (word, names) && ProductKinds.Names(text, word, names)
                    || !words.Any(w => w.Length <= 3 && text.Contains(w, StringComparison.Ordinal))
                    || words.Any(w => w.Length >= 4 && text.Contains(w, StringComparison.Ordinal)))).ToList();
        }

        if (words.Count == 0 || words.Any(w => w.Length >= 4))
        {
            return hits;
        }

        return hits.Where(h => TextFolding.Fold($"{h.Sku} {h.Name} {h.Description}") is var text && words.Any(w => text.Contains(w, StringComparison.Ordinal)))
            .ToList();
    }

    /// <summary>
    /// Of several hits sold one product per size ("Dress, size S", "Dress, size M"), those in the size the customer named; of look-alikes
    /// that differ by a measure and carry no size («الرضاعة الصغيرة» among bottles of 150 and 260 ml), the smallest or the largest; all of
    /// them when none is.
    /// </summary>
    internal static IReadOnlyList<ProductFact> InSize(IReadOnlyList<ProductFact> hits, IReadOnlyList<string> sizes)
    {
        if (hits.Count < 2 || sizes.Count == 0)
        {
            return hits;
        }

        var sized = hits.Where(h => sizes.All(Sizes.InName(h.Name).Contains)).ToList();
        if (sized.Count > 0)
        {
            return sized;
        }

        return sizes.Count == 1 && !hits.Any(h => Sizes.InName(h.Name).Count > 0) && RelativeSize.Pick(hits, h => h.Name, sizes[0]) is { } measured
            ? [measured]
            : hits;
    }

    /// <summary>
    /// Of several hits, the one whose name (or its name in one language) the customer wrote in full: «السماعة البلوتوث الصغيرة»
    /// is «سماعة بلوتوث صغيرة», not also the earbuds that mention Bluetooth, even when «الصغيرة» was read as a size.
    /// </summary>
    private static IReadOnlyList<ProductFact> NamedInFull(string text, IReadOnlyList<ProductFact> hits)
    {
        if (hits.Count < 2)
        {
            return hits;
        }

        var written = Words(text).ToHashSet(StringComparer.Ordinal);
        var named = hits.Where(h => h.Name.Split([" | ", " - ", " – "], StringSplitOptions.RemoveEmptyEntries)
            .Any(part => Words(part).ToList() is { Count: > 0 } words && words.All(written.Contains))).ToList();
        return named.Count == 1 ? named : hits;
    }

    private static IEnumerable<string> Words(string text) => TextFolding.Tokens(TextFolding.Fold(text)).Select(ArabicWord.StripArticle);

    private static string? Respelled(OfflineTurn turn, string query) =>
        Arabizi.Looks(turn.CustomerText) ? Arabizi.LatinWords(turn.CustomerText)
        : WithoutAnd(query) is var bare && bare != query ? bare
        : ArabicWord.Singulars(query) is var singular && singular != query ? singular : null;

    // «وكوب ابيض هم»: "and" glued to the product word («وكوب» is «كوب»); tried only when the words as written found nothing.
    private static string WithoutAnd(string query) => string.Join(' ', TextFolding.Tokens(query)
        .Select(w => w.Length >= 4 && w[0] == 'و' && TextFolding.IsArabicScript(w) ? w[1..] : w));
}
