using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Reads a weight the customer asks for, in grams: «كيلو سكري» (1000), «نص كيلو» (500), «كيلوين» (2000), «٥ كيلو», «ثلاث كيلو», «كيلو ونص»
/// (1500), "2 kg", "1.5 kg", "half a kilo", "500 g". The words are claimed: a weight is neither a count, a size nor a product word; which
/// boxes make it is decided against the catalogue (<see cref="Weights"/>). A bare «كيلو» or "kilo" is one kilo; a bare "g" or «جرام» is
/// nothing, and a number of a range («9-36 كغ») is no weight asked.
/// </summary>
internal static class WeightReader
{
    private static readonly HashSet<string> s_kilo = Set(["كيلو", "كيلوغرام", "كيلوجرام", "كغ", "كجم", "كيلوات", "kg", "kgs", "kilo", "kilos",
        "kilogram", "kilograms"]);

    private static readonly HashSet<string> s_gram = Set(["جرام", "جرامات", "غرام", "غرامات", "غم", "جم", "g", "gm", "gms", "gr", "gram", "grams"]);

    private static readonly HashSet<string> s_twoKilos = Set(["كيلوين", "كيلوتين"]);

    private static readonly Dictionary<string, decimal> s_fractions = new(StringComparer.Ordinal)
    {
        ["نص"] = 0.5m, ["نصف"] = 0.5m, ["half"] = 0.5m, ["ربع"] = 0.25m, ["quarter"] = 0.25m,
    };

    // «كيلو ونص», «كيلو و نص», "a kilo and a half": what follows the unit and adds to it.
    private static readonly Dictionary<string, decimal> s_andFractions = new(StringComparer.Ordinal)
    {
        ["ونص"] = 0.5m, ["ونصف"] = 0.5m, ["وربع"] = 0.25m,
    };

    /// <summary>The first weight the message asks for, in grams; every weight it names is claimed.</summary>
    public static int? Read(MessageTokens message)
    {
        int? first = null;
        for (var i = 0; i < message.Count; i++)
        {
            if (message.IsFree(i) && Weight(message, i) is var (grams, from, to))
            {
                message.Take(from, to - from + 1, Claim.Weight);
                first ??= grams;
                i = to;
            }
        }

        return first;
    }

    // The weight whose unit is token i, with the tokens it spans.
    private static (int Grams, int From, int To)? Weight(MessageTokens message, int i)
    {
        var word = ArabicWord.StripArticle(message.Words[i]);
        if (s_twoKilos.Contains(word))
        {
            return (2000, i, i);
        }

        var kilo = s_kilo.Contains(word);
        if (!kilo && !s_gram.Contains(word) || i > 0 && message.InRange(i - 1))
        {
            return null;
        }

        var (amount, from) = Before(message, i);
        if (amount is null && !kilo)
        {
            return null; // "g" alone is a letter, «جرام» alone says no weight
        }

        var (more, to) = After(message, i);
        var grams = ((amount ?? 1) + more) * (kilo ? 1000 : 1);
        return grams is > 0 and < 1_000_000 ? ((int)Math.Round(grams), from, to) : null;
    }

    // "2 kg", "1.5 kg", «ثلاث كيلو», «نص كيلو», "half a kilo", "a kilo": the amount before the unit and where it starts.
    private static (decimal? Amount, int From) Before(MessageTokens message, int i)
    {
        var p = i - 1;
        if (p < 0 || !message.IsFree(p) || message.BreakBefore(i, lineOnly: false))
        {
            return (null, i);
        }

        var word = message.Words[p];
        if (message.Tokens[p].IsNumber)
        {
            // "1.5 kg": the text splits at the point; the numbers either side of it are one.
            if (p > 0 && message.Tokens[p - 1].IsNumber && message.IsFree(p - 1) && Gap(message, p - 1, p) is "." or ","
                && decimal.TryParse($"{message.Words[p - 1]}.{word}", System.Globalization.CultureInfo.InvariantCulture, out var point))
            {
                return (point, p - 1);
            }

            return decimal.TryParse(word, System.Globalization.CultureInfo.InvariantCulture, out var n) ? (n, p) : (null, i);
        }

        if (s_fractions.TryGetValue(word, out var fraction) || s_andFractions.TryGetValue(word, out fraction))
        {
            return (fraction, p); // «نص كيلو»; «… ونص كيلو عجوة», the next product's half kilo
        }

        if (word is "a" or "an" or "one")
        {
            return p > 0 && message.IsFree(p - 1) && s_fractions.TryGetValue(message.Words[p - 1], out var half) ? (half, p - 1) : (1, p);
        }

        return NumberWords.Quantities.TryGetValue(word, out var count) && !NumberWords.Units.Contains(word) && count is > 0 and <= 100
            ? (count, p)
            : (null, i);
    }

    // «ونص», «و نص», "and a half", "and half": a fraction after the unit.
    private static (decimal More, int To) After(MessageTokens message, int i)
    {
        // The joining «و», "and", "a" may have been read as glue already; the fraction word itself must be free.
        string At(int k) => k < message.Count && !message.Tokens[k].IsEmoji ? message.Words[k] : "";
        if (s_andFractions.TryGetValue(At(i + 1), out var glued))
        {
            return (glued, i + 1);
        }

        if (At(i + 1) is "و" or "and" && s_fractions.TryGetValue(At(i + 2), out var half))
        {
            return (half, i + 2);
        }

        return At(i + 1) == "and" && At(i + 2) == "a" && s_fractions.TryGetValue(At(i + 3), out var aHalf) ? (aHalf, i + 3) : (0, i);
    }

    private static string Gap(MessageTokens message, int first, int second) =>
        message.Original[message.Tokens[first].End..message.Tokens[second].Start].Trim();

    private static HashSet<string> Set(string[] words) => words.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
}
