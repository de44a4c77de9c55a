using System.Text.RegularExpressions;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// A sum of money the customer says back: «اذا بـ 35 الف اريده», «ربع مليون؟», "35k", «125000 دينار». Shops that price in thousands
/// (dinars, pounds) hear their prices this way; the sum is neither a quantity, a size nor a product word, so it is claimed before those
/// readers run and what is left is the act and the product.
/// </summary>
internal static partial class AmountReader
{
    private static readonly HashSet<string> s_multipliers = Set(["الف", "ألف", "آلاف", "الاف", "تلاف", "thousand", "مليون", "ملايين", "million"]);

    // «ربع مليون», «نص مليون», "half a million": a fraction before the multiplier.
    private static readonly HashSet<string> s_fractions = Set(["ربع", "نص", "نصف", "half", "quarter"]);

    private static readonly HashSet<string> s_currencies = Set(["دينار", "دنانير", "ريال", "درهم", "جنيه", "دولار", "iqd", "jod", "sar", "aed", "egp",
        "usd", "kwd", "dinar", "dinars", "د.ع"]);

    /// <summary>Claims every sum of money in the message; true when there was one.</summary>
    public static bool Read(MessageTokens message)
    {
        var found = false;
        for (var i = 0; i < message.Count; i++)
        {
            var word = message.Words[i];
            var glued = GluedThousands().IsMatch(word);
            var counted = s_multipliers.Contains(word) && i > 0 && Counts(message.Words[i - 1]);
            var priced = word.Length >= 3 && word.All(char.IsAsciiDigit) && i + 1 < message.Count && s_currencies.Contains(message.Words[i + 1]);
            if (!message.IsFree(i) || !(glued || counted || priced))
            {
                continue;
            }

            var first = counted ? i - 1 : i;
            var last = i + 1 < message.Count && s_currencies.Contains(message.Words[i + 1]) ? i + 1 : i;
            first = first > 0 && message.Words[first - 1] is "ب" or "بس" or "for" or "at" && message.IsFree(first - 1) ? first - 1 : first;
            message.Take(first, last - first + 1, Claim.Cue);
            found = true;
        }

        return found;
    }

    private static bool Counts(string word) => word.All(char.IsAsciiDigit) && word.Length > 0 || s_fractions.Contains(word);

    private static HashSet<string> Set(string[] words) => words.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);

    // "35k", "250K": thousands glued to the number.
    [GeneratedRegex(@"^\d{1,4}k$")]
    private static partial Regex GluedThousands();
}
