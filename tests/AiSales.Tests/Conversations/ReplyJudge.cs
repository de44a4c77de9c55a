using System.Text;
using System.Text.RegularExpressions;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Judges one reply on facts, not wording: expected words (with alternatives), forbidden words, the questions asked
/// for a detail, and the script. Text is compared folded: case, Arabic-Indic digits, diacritics, tatweel, alef and
/// yaa forms, so «٢٥٠» matches "250" and «أسود» matches «اسود». A number matches only as a whole number ("25" is
/// not found in "250"; "250.00" is 250 and "12.500" is 12.5).
/// </summary>
public sealed class ReplyJudge(ShopData shop)
{
    private static readonly string[] s_currencies = ["sar", "usd", "aed", "kwd", "egp", "jod", "iqd", "ريال", "دولار", "درهم", "دينار", "جنيه", "د.ع"];

    /// <summary>What is wrong with the reply to this turn; empty when it is right.</summary>
    /// <param name="listed">The products the shop last offered as a numbered list, for "{n}" in the expectations.</param>
    public List<string> Judge(ScriptTurn turn, string defaultScript, string reply, IReadOnlyDictionary<int, ShopProduct> listed)
    {
        var problems = new List<string>();
        foreach (var written in turn.Expect ?? [])
        {
            var alternatives = written.SelectMany(a => NumberedList.Expand(a, listed) ?? []).ToList();
            if (alternatives.Count == 0)
            {
                problems.Add($"expected {Describe(written)}, but no numbered list showed that item before");
            }
            else if (!alternatives.Any(a => Contains(reply, a)))
            {
                problems.Add($"expected {Describe(alternatives)}");
            }
        }

        if (turn.List > 0 && NumberedList.Read(reply, shop.Products) is var offered && offered.Count < turn.List)
        {
            problems.Add($"expected a numbered list of {turn.List} products, found {offered.Count} numbered product line(s)");
        }

        foreach (var forbidden in (turn.Forbid ?? []).SelectMany(f => NumberedList.Expand(f, listed) ?? []))
        {
            if (Contains(reply, forbidden))
            {
                problems.Add($"must not say \"{forbidden}\"");
            }
        }

        foreach (var detail in turn.Asks ?? [])
        {
            if (!shop.Words(detail).Any(w => Contains(reply, w)))
            {
                problems.Add($"expected a question for the {detail} ({Describe(shop.Words(detail))})");
            }
        }

        // Asking again is a question (the clause before a ? or ؟) naming the detail; a recap ("Name: Sam Lee.") is not.
        var questions = Regex.Matches(reply, @"[^.!؟?\n،,;]*[؟?]").Select(m => m.Value).ToList();
        foreach (var detail in turn.NotAsks ?? [])
        {
            if (shop.Words(detail).FirstOrDefault(w => questions.Any(q => Contains(q, w))) is { } word)
            {
                problems.Add($"must not ask for the {detail} again (asked with \"{word}\")");
            }
        }

        if (turn.Reply == "handover" && !shop.Words("handoff").Any(w => Contains(reply, w)))
        {
            problems.Add($"expected to say a person will answer ({Describe(shop.Words("handoff"))})");
        }

        if (turn.NoProducts)
        {
            var named = shop.Products.SelectMany(NumberedList.Names).Concat(shop.Words("searchFailed")).FirstOrDefault(n => Contains(reply, n));
            if (named is not null)
            {
                problems.Add($"a courteous answer, not a search (said \"{named}\")");
            }
        }

        var script = turn.Script ?? defaultScript;
        if (script != "any" && !HasScript(reply, script))
        {
            problems.Add($"expected the reply in {script} script");
        }

        return problems;
    }

    public static bool Contains(string text, string expected)
    {
        var haystack = Fold(text);
        var needle = Fold(expected);
        if (needle.Length == 0)
        {
            return true;
        }

        if (IsNumber(needle))
        {
            // By value: "12.500" is 12.5 and 12.50 (a price in fils), "250" is 250.00.
            var value = needle.Contains('.') ? needle.TrimEnd('0').TrimEnd('.') : needle;
            var zeros = value.Contains('.') ? "0*" : @"(?:\.0+)?";
            return Regex.IsMatch(haystack, $@"(?<![\d.]){Regex.Escape(value)}{zeros}(?!\d|\.\d)");
        }

        // A short word is a whole word: «لا» is not the start of «لاسلكية», "no" is not inside "now".
        return needle.Length <= 3 && needle.All(char.IsLetter)
            ? Regex.IsMatch(haystack, $@"(?<!\p{{L}}){Regex.Escape(needle)}(?!\p{{L}})")
            : haystack.Contains(needle, StringComparison.Ordinal);
    }

    /// <summary>Folds what a customer or shop may write differently for the same thing.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            switch (c)
            {
                case >= '\u0660' and <= '\u0669': folded.Append((char)('0' + (c - '\u0660'))); break;
                case >= '\u06F0' and <= '\u06F9': folded.Append((char)('0' + (c - '\u06F0'))); break;
                case '\u066B': folded.Append('.'); break; // Arabic decimal separator
                case '\u066C' or '\u0640': break; // Arabic thousands separator, tatweel
                case >= '\u064B' and <= '\u0652' or '\u0670': break; // diacritics
                case 'أ' or 'إ' or 'آ' or 'ٱ': folded.Append('ا'); break;
                case 'ى': folded.Append('ي'); break;
                case 'ة': folded.Append('ه'); break;
                default: folded.Append(c); break;
            }
        }

        // "1,280" is 1280; whitespace runs are one space.
        return Regex.Replace(Regex.Replace(folded.ToString(), @"(?<=\d),(?=\d{3}\b)", ""), @"\s+", " ").Trim();
    }

    /// <summary>
    /// Arabic or English (Latin): the script of most letters once the catalogue's names and currency words are
    /// removed (an English reply may quote «عطر عود ملكي»; an Arabic one "Black Leather Bag" or "SAR").
    /// </summary>
    public bool HasScript(string reply, string script)
    {
        var text = Fold(reply);
        foreach (var name in shop.Products.SelectMany(NumberedList.Names).Concat(s_currencies))
        {
            if (name.Length > 0)
            {
                text = text.Replace(Fold(name), " ", StringComparison.Ordinal);
            }
        }

        var arabic = text.Count(c => c is >= '\u0621' and <= '\u064A' or >= '\u0671' and <= '\u06D3');
        var latin = text.Count(c => c is >= 'a' and <= 'z');
        return script switch
        {
            "arabic" => arabic > 0 && arabic >= 2 * latin,
            "english" => latin > 0 && latin >= 2 * arabic,
            _ => throw new InvalidDataException($"Unknown script '{script}' (arabic or english)."),
        };
    }

    private static bool IsNumber(string text) => text.All(char.IsAsciiDigit) || Regex.IsMatch(text, @"^\d+\.\d+$");

    private static string Describe(IEnumerable<string> alternatives) => string.Join(" or ", alternatives.Select(a => $"\"{a}\""));
}
