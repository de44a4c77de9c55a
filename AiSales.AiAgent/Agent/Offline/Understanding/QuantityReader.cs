using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>A stated quantity and where it stands, so "بدل ما هي وحدة خليها ثنتين" can take the number after "خليها".</summary>
internal readonly record struct StatedQuantity(int Value, int At);

/// <summary>
/// Reads quantities: digits ("2", "٢"), with a unit or a multiplier ("٣ حبات", "x3", "3pcs", "two pairs") and number words ("حبتين", "ثنتين",
/// "تلاتة", "a couple"). A bare number is a quantity up to 29 (bigger ones are sizes, volumes or models) unless a quantity was asked for,
/// and not when it is part of a product's name: after a product word and before another ("شاحن ٢٠ واط", "iPhone 15 case"), or ending
/// the message at 10 or more ("كفر ايفون 15"), or before a measure ("12 لون", "50 مل"); the number stays in the search. "hand cream 3"
/// still orders three. A dual counts two («طرحتين» is two «طرحه», «عطرين» two «عطر»). A range («9-36 كغ», "3-4 years") counts nothing.
/// </summary>
internal static class QuantityReader
{
    private static readonly PhraseTable<int> s_words = new(NumberWords.Quantities.Select(pair => (pair.Key, pair.Value)));

    // "the black one", "another one": "one" points at a product, it does not count it.
    private static readonly HashSet<string> s_pointingBeforeOne = new(["the", "this", "that", "other", "another", "which", "any", "each", "every",
        "same", "new", "big", "small", "cheaper", "cheapest", "bigger", "smaller", "last", "first"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_pieces = new(["قطعه", "قطع", "piece", "pieces", "pcs", "pc"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_sets = new(["طقم", "اطقم", "set", "sets"], StringComparer.Ordinal);

    // «اللي 32 حبة», «ال 64 piece», "the one with 16 pieces": the words that point at a product by its pieces.
    private static readonly HashSet<string> s_which = new(["اللي", "الي", "ال", "ابو", "ام", "the", "with"], StringComparer.Ordinal);

    /// <param name="pieces">A number of pieces said right after a product word or «اللي» ("the box of chocolates 16 pcs", «اللي 32 حبة»):
    /// the pieces in one box, or a count; the catalogue's names decide (<see cref="PieceCounts"/>).</param>
    public static List<StatedQuantity> Read(MessageTokens message, Awaiting awaiting, out int? pieces)
    {
        var found = new List<StatedQuantity>();
        pieces = null;
        var max = awaiting == Awaiting.Quantity ? 999 : 29;
        for (var i = 0; i < message.Count; i++)
        {
            if (!message.IsFree(i))
            {
                continue;
            }

            var word = message.Words[i];
            var unitAfter = i + 1 < message.Count && message.IsFree(i + 1) && NumberWords.Units.Contains(message.Words[i + 1]);
            if (Glued(word) is { } glued)
            {
                message.Take(i, 1, Claim.Quantity);
                found.Add(new StatedQuantity(glued, i));
            }
            else if (word == "x" && i + 1 < message.Count && message.IsFree(i + 1) && int.TryParse(message.Words[i + 1], out var times) && times is > 0 and < 1000)
            {
                message.Take(i, 2, Claim.Quantity);
                found.Add(new StatedQuantity(times, i));
            }
            else if (int.TryParse(word, out var n) && n > 0 && (n <= max || unitAfter && n < 1000) && !SetSize(message, i) && !message.InRange(i)
                && (unitAfter || awaiting == Awaiting.Quantity || !InName(message, i, n) && !MeasureAfter(message, i)))
            {
                if (unitAfter && pieces is null && PieceCounts.Units.Contains(message.Words[i + 1]) && (ProductWord(message, i - 1) || i > 0 && s_which.Contains(message.Words[i - 1])))
                {
                    message.Take(i, 2, Claim.Quantity);
                    pieces = n;
                    continue;
                }

                message.Take(i, unitAfter ? 2 : 1, Claim.Quantity);
                found.Add(new StatedQuantity(n, i));
            }
        }

        foreach (var match in s_words.Find(message.Words, message.IsFree))
        {
            if (SetSize(message, match.Start - 1))
            {
                continue; // «12 قطعه» after a set: «قطعه» is not "one"
            }

            var before = match.Start > 0 ? message.Words[match.Start - 1] : "";
            // "the 50ml one", "the leather one": a product word before "one" points at a product too.
            var pointing = message.Words[match.Start] == "one" && (s_pointingBeforeOne.Contains(before)
                    || match.Start > 0 && (message.Claims[match.Start - 1] is Claim.Colour or Claim.Size or Claim.Weight || message.IsFree(match.Start - 1) && !before.All(char.IsAsciiDigit)))
                || before is "the" or "these" or "those"; // "the two" are products already shown, not a count
            var unitAfter = match.End < message.Count && message.IsFree(match.End) && NumberWords.Units.Contains(message.Words[match.End]);
            message.Take(match.Start, match.Length + (unitAfter ? 1 : 0), Claim.Quantity);
            if (!pointing)
            {
                found.Add(new StatedQuantity(match.Value, match.Start));
            }
        }

        // «هاخد التلاتة», «ابي الثلاث»: a count with the article is the count just talked about ("only 3 left").
        foreach (var i in message.Free().ToList())
        {
            if (CountWithArticle(message.Words[i]) is { } count)
            {
                message.Take(i, 1, Claim.Quantity);
                found.Add(new StatedQuantity(count, i));
            }
        }

        // «طرحتين»: two of «طرحه», «عطرين»: two of «عطر», when nothing else counts them; the word stays a product word, in the singular.
        // The dual of a unit («باكيتين», two packs) only counts.
        if (found.Count == 0 && Dual(message, awaiting) is var (dual, singular))
        {
            if (NumberWords.Units.Contains(singular))
            {
                message.Take(dual, 1, Claim.Quantity);
            }
            else
            {
                message.Rewrite(dual, singular);
            }

            found.Add(new StatedQuantity(2, dual));
        }

        // A unit word left alone ("pcs", "حبات") says nothing about the product.
        foreach (var i in message.Free().Where(i => NumberWords.Units.Contains(message.Words[i]) && !SetSize(message, i - 1)).ToList())
        {
            message.Take(i, 1, Claim.Quantity);
        }

        return found.OrderBy(q => q.At).ToList();
    }

    /// <summary>
    /// A dual and its singular: a feminine one («طرحتين») anywhere, a masculine one («عطرين», «كريمين») only as the first product word,
    /// where a count stands («سيروم فيتامين» is no dual), and never in a name or address asked for («نسرين»).
    /// </summary>
    private static (int At, string Singular)? Dual(MessageTokens message, Awaiting awaiting)
    {
        foreach (var i in message.Free())
        {
            if (ArabicWord.DualSingular(message.Words[i]) is { } feminine)
            {
                return (i, feminine);
            }
        }

        if (awaiting is Awaiting.Name or Awaiting.Address)
        {
            return null;
        }

        var first = message.Free().FirstOrDefault(i => message.Words[i].All(char.IsLetter), -1);
        return first >= 0 && (first == 0 || !int.TryParse(message.Words[first - 1], out _))
            && ArabicWord.MasculineDualSingular(message.Words[first]) is { } masculine
                ? (first, masculine)
                : null;
    }

    // «طقم ملاعق 12 قطعه», "cutlery set, 24 pieces", "the 24 piece cutlery set": a set's pieces say which set it is, not how many
    // are wanted; before the set only in the singular ("2 pieces of the set" still counts).
    private static bool SetSize(MessageTokens message, int i) =>
        i >= 0 && i + 1 < message.Count && message.Words[i].All(char.IsAsciiDigit) && s_pieces.Contains(message.Words[i + 1])
        && (Enumerable.Range(0, i).Any(j => s_sets.Contains(ArabicWord.StripArticle(message.Words[j])))
            || message.Words[i + 1] is "piece" or "pc" or "قطعه" && Enumerable.Range(i + 2, Math.Max(0, Math.Min(3, message.Count - i - 2)))
                .Any(j => s_sets.Contains(message.Words[j])));

    // "12 لون", "12 shades", "50 مل", "250 g": a number before a measure describes the product, it does not count it.
    private static bool MeasureAfter(MessageTokens message, int i) =>
        i + 1 < message.Count && !message.BreakBefore(i + 1, lineOnly: false) && NumberWords.Measures.Contains(ArabicWord.StripArticle(message.Words[i + 1]));

    // The number between two product words, or after one at 10 or more: a model ("ايفون 15", "20 واط"), not a count.
    private static bool InName(MessageTokens message, int i, int n) =>
        ProductWord(message, i - 1) && !message.BreakBefore(i, lineOnly: false)
        && (n >= 10 || ProductWord(message, i + 1) && !message.BreakBefore(i + 1, lineOnly: false));

    // A word no reader claimed (not a cue, colour, size or detail), and not a count or unit word.
    private static bool ProductWord(MessageTokens message, int i) =>
        i >= 0 && i < message.Count && message.IsFree(i) && message.Words[i].All(char.IsLetter)
        && !NumberWords.Quantities.ContainsKey(message.Words[i]) && !NumberWords.Units.Contains(message.Words[i]);

    // «التلاتة», «الاربعه», «الاتنين»: a number word of 2 to 10 after «ال»; not «الست» (the lady), «الزوج» (the husband) or «الحبتين».
    private static int? CountWithArticle(string word) =>
        word.Length > 4 && word.StartsWith("ال", StringComparison.Ordinal) && word[2..] is var bare && bare.Length >= 3
        && NumberWords.Quantities.TryGetValue(bare, out var n) && n is >= 2 and <= 10 && !NumberWords.Units.Contains(bare)
        && !bare.StartsWith("حب", StringComparison.Ordinal) && !bare.StartsWith("قطع", StringComparison.Ordinal) && !bare.StartsWith("علب", StringComparison.Ordinal)
            ? n
            : null;

    // "x3", "3x", "3pcs", "3pc": a count glued to its multiplier or unit.
    private static int? Glued(string word)
    {
        foreach (var affix in new[] { "pcs", "pc", "x" })
        {
            var digits = word.StartsWith(affix, StringComparison.Ordinal) ? word[affix.Length..]
                : word.EndsWith(affix, StringComparison.Ordinal) ? word[..^affix.Length] : null;
            if (digits is { Length: > 0 } && digits.All(char.IsAsciiDigit) && int.TryParse(digits, out var n) && n is > 0 and < 1000)
            {
                return n;
            }
        }

        return null;
    }
}
