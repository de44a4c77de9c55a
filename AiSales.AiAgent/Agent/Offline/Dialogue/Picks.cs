using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// Which product the customer means among those just shown: "the second" / «الثانية» / a number, "the black one"
/// (a colour in its name or description), or words of its name. Null when the reading points at none, or at
/// several (then the customer is asked).
/// </summary>
public static class Picks
{
    public static ShownProduct? FromShown(Reading reading, IReadOnlyList<ShownProduct> shown)
    {
        if (shown.Count == 0)
        {
            return null;
        }

        if (reading.Choice is { } choice)
        {
            return choice >= 1 && choice <= shown.Count ? shown[choice - 1] : null;
        }

        IEnumerable<ShownProduct> candidates = shown;
        var narrowed = false;
        if (reading.Colours.Count > 0)
        {
            candidates = candidates.Where(p => reading.Colours.All(c => HasColour(p.Name + " " + p.Description, c))).ToList();
            narrowed = true;
        }

        // A list of one product per size ("Dress, size S", "Dress, size M"): "the M" is the one whose name carries it; of look-alikes
        // that differ by a measure ("50ml", "100ml"), «الصغير» / "the big one" is the smallest or the largest.
        if (reading.Sizes.Count > 0 && candidates.Any(p => Sizes.InName(p.Name).Count > 0))
        {
            candidates = candidates.Where(p => reading.Sizes.All(Sizes.InName(p.Name).Contains)).ToList();
            narrowed = true;
        }
        else if (reading.Sizes.Count == 1 && RelativeSize.Pick(candidates.ToList(), p => p.Name, reading.Sizes[0]) is { } measured)
        {
            candidates = [measured];
            narrowed = true;
        }

        // «النص كيلو», "the 1 kg one": of boxes of several weights, the one of that weight.
        if (reading.Weight is { } grams && candidates.Where(p => Weights.InName(p.Name) == grams).ToList() is { Count: > 0 } weighed)
        {
            candidates = weighed;
            narrowed = true;
        }

        if (reading.Pieces is { } pieces && candidates.Where(p => PieceCounts.InName(p.Name, pieces)).ToList() is { Count: > 0 } boxes)
        {
            candidates = boxes;
            narrowed = true;
        }

        var words = Words(reading.ProductQuery);
        if (words.Count > 0)
        {
            var named = candidates.Where(p => Matches(p.Name, words)).ToList();
            // Words that name none of them: a new product, not a pick; so is "the regular sunscreen" after the tinted one, whose
            // «regular» names none of the products shown.
            if (named.Count == 0 || words.Any(w => w.Length >= 3 && !shown.Any(p => Matches(p.Name, [w]))))
            {
                return null;
            }

            candidates = named;
            narrowed = true;
        }

        var list = candidates.ToList();
        return narrowed && list.Count == 1 ? list[0] : null;
    }

    /// <summary>
    /// The draft's line the customer means: named or coloured like it, the product in focus, or the only line. Unless
    /// <paramref name="strict"/> (removing), words that name no line are ignored ("actually make it 3").
    /// </summary>
    public static OrderLine? FromOrder(Reading reading, OrderView order, ShownProduct? focus, bool strict = false)
    {
        var words = Words(reading.ProductQuery);
        if (!strict && words.Count > 0 && !order.Items.Any(l => Matches(l.Name, words)))
        {
            words = [];
        }

        var lines = order.Items.ToList();
        if (reading.Colours.Count > 0)
        {
            lines = lines.Where(l => reading.Colours.All(c => HasColour(l.Name, c))).ToList();
        }

        if (words.Count > 0)
        {
            lines = lines.Where(l => Matches(l.Name, words)).ToList();
        }

        if (lines.Count == 1)
        {
            return lines[0];
        }

        if (reading.Colours.Count == 0 && words.Count == 0)
        {
            return focus is not null && order.Items.FirstOrDefault(l => l.Sku == focus.Sku) is { } inFocus ? inFocus
                : order.Items.Count == 1 ? order.Items[0] : null;
        }

        return null;
    }

    // Words that point back at what was shown rather than name it ("the white ones", «هذي»).
    private static readonly HashSet<string> s_pointers =
        ["one", "ones", "it", "them", "that", "this", "those", "these", "هذا", "هذي", "هذه", "هاد", "هادي", "ده", "دي", "هاي", "اللي"];

    private static List<string> Words(string query) =>
        TextFolding.Tokens(query).Where(w => w.Length >= 2 && !s_pointers.Contains(w)).ToList();

    /// <summary>True when the text names the colour; «أحمر» in «أحمر شفاه مطفي نود» (lipstick) is not red.</summary>
    public static bool HasColour(string text, string colour)
    {
        var words = TextFolding.Tokens(TextFolding.Fold(text));
        var tokens = words.Where((w, i) => !Colours.NamesCosmetic(i + 1 < words.Count ? words[i + 1] : null)).Select(Strip).ToHashSet(StringComparer.Ordinal);
        return Colours.SurfaceForms(colour).Any(form => tokens.Contains(Strip(TextFolding.Fold(form))));
    }

    /// <summary>The colour a product is, by its name first, then its description.</summary>
    public static string? ColourOf(string name, string description) =>
        ColourIn(name) ?? ColourIn(description);

    private static string? ColourIn(string text) =>
        TextFolding.Tokens(TextFolding.Fold(text)).Select(t => Colours.Key(t) ?? Colours.Key(Strip(t))).FirstOrDefault(k => k is not null);

    private static bool Matches(string name, List<string> words)
    {
        var tokens = TextFolding.Tokens(TextFolding.Fold(name)).Select(Strip).ToList();
        return words.Any(w => tokens.Any(t => t == Strip(w) || (Strip(w).Length >= 4 && t.StartsWith(Strip(w), StringComparison.Ordinal))));
    }

    // The Arabic article: «الأسود» and «اسود» are one word here.
    private static string Strip(string word) => word.Length >= 4 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;
}
