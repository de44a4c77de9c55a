using System.Text;
using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Arabic typed in Latin letters with digits for the missing sounds ("3ndkom shanta sooda?", "abgha 2", "bkam"). Customers on phones
/// without an Arabic keyboard write this way; transliterating it lets the Arabic lexicons read it instead of a third copy of each.
/// </summary>
public static class Arabizi
{
    // Longest first: digraphs before their letters. 'a', 'e', 'o' inside a word are short vowels Arabic does not write.
    private static readonly (string Latin, string Arabic)[] s_letters =
    [
        ("sh", "ش"), ("ch", "ش"), ("kh", "خ"), ("gh", "غ"), ("th", "ث"), ("dh", "ذ"), ("3'", "غ"), ("aa", "ا"), ("oo", "و"), ("ou", "و"), ("uu", "و"),
        ("ee", "ي"), ("ii", "ي"), ("ei", "ي"), ("ai", "ي"), ("2", "ء"), ("3", "ع"), ("5", "خ"), ("6", "ط"), ("7", "ح"), ("8", "ق"), ("9", "ص"),
        ("b", "ب"), ("t", "ت"), ("j", "ج"), ("g", "ج"), ("h", "ه"), ("d", "د"), ("r", "ر"), ("z", "ز"), ("s", "س"), ("f", "ف"), ("q", "ق"), ("k", "ك"),
        ("l", "ل"), ("m", "م"), ("n", "ن"), ("w", "و"), ("y", "ي"), ("p", "ب"), ("v", "ف"), ("c", "ك"), ("x", "كس"), ("i", "ي"), ("u", "و"),
    ];

    /// <summary>
    /// True when the message is Latin-script Arabic: no Arabic letters, and a word either mixes letters with the digits that stand for
    /// Arabic sounds ("3ndkom", "a7mar") or is a known Arabizi word that is not also English; or two known Arabizi words that could be
    /// English, one of them more than glue, stand with no English word beside them ("abi el lego").
    /// </summary>
    public static bool Looks(string text)
    {
        if (TextFolding.IsArabicScript(text))
        {
            return false;
        }

        var words = TextFolding.Split(text).Where(t => !t.IsEmoji).Select(t => t.Text).ToList();
        return words.Any(w => HasSoundDigit(w) || ArabiziWords.Words.ContainsKey(w) && !ArabiziWords.Ambiguous.Contains(w))
            || words.Where(ArabiziWords.Words.ContainsKey).ToList() is { Count: >= 2 } known && known.Any(w => !s_glue.Contains(w))
                && !words.Any(w => MessageTokens.IsEnglishWord(w) && !ArabiziWords.Words.ContainsKey(w));
    }

    // Arabizi words that only join others ("w el 65W charger?"): two of them alone do not make a message Arabic.
    private static readonly HashSet<string> s_glue = new(["w", "wa", "el", "al", "il", "b", "min", "mn", "da", "di", "lo", "law", "lw", "ana", "fi", "fee"],
        StringComparer.Ordinal);

    /// <summary>
    /// The words of an Arabizi message the table does not know and that carry no sound digit, as written: often a product's
    /// own Latin name ("bkam el hand cream" → "hand cream"), a second search when the Arabic spelling found nothing.
    /// </summary>
    public static string LatinWords(string text) => string.Join(' ', TextFolding.Split(text)
        .Where(t => !t.IsEmoji && (t.Text.Length >= 3 && t.Text.All(char.IsAsciiLetterLower) && !ArabiziWords.Words.ContainsKey(t.Text)
            || IsEnglishNumberWord(t.Text)))
        .Select(t => t.Text));

    /// <summary>Best-effort Arabic spelling of an Arabizi message, word by word: known words from the table, others letter by letter.</summary>
    public static string ToArabic(string text) =>
        string.Join(' ', TextFolding.Split(text).Select(t => t.IsEmoji ? t.Text : Word(t.Text)));

    internal static string Word(string folded)
    {
        if (ArabiziWords.Words.TryGetValue(folded, out var known))
        {
            return known;
        }

        if (folded.Length == 0 || folded.All(char.IsAsciiDigit) || !folded.All(c => char.IsAsciiLetterOrDigit(c) || c == '\''))
        {
            return folded;
        }

        foreach (var prefix in new[] { "el", "al", "il" })
        {
            if (folded.Length > prefix.Length + 2 && folded.StartsWith(prefix, StringComparison.Ordinal)
                && ArabiziWords.Words.TryGetValue(folded[prefix.Length..], out var rest))
            {
                return rest.StartsWith("ال", StringComparison.Ordinal) ? rest : "ال" + rest;
            }
        }

        return Letters(folded);
    }

    // "3" at the start is a letter (ع), so only a digit touching a letter counts; "x3", "3pcs", "2nd", "500ml", "2xl", "20w" are English.
    internal static bool HasSoundDigit(string word) =>
        word.Any(char.IsAsciiLetter) && word.Any(c => c is '2' or '3' or '5' or '6' or '7' or '8' or '9')
        && !IsEnglishNumberWord(word);

    /// <summary>A number with its unit or multiplier ("x3", "500ml", "20w", "10000mah", "2m"): English, even in an Arabizi message.</summary>
    internal static bool IsEnglishNumberWord(string word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        var letters = new string(word.Where(char.IsAsciiLetter).ToArray());
        var digitsFirst = char.IsAsciiDigit(word[0]) && word.SkipWhile(char.IsAsciiDigit).All(char.IsAsciiLetter);
        var xFirst = word[0] == 'x' && word[1..].All(char.IsAsciiDigit);
        return xFirst || digitsFirst && letters is "x" or "xl" or "xxl" or "xs" or "pcs" or "pc" or "st" or "nd" or "rd" or "th" or "ml" or "l" or "g"
            or "kg" or "cm" or "mm" or "gb" or "tb" or "k" or "m" or "s" or "am" or "pm" or "h" or "hr" or "hrs" or "min" or "mins" or "d" or "days" or "oz"
            or "w" or "kw" or "wh" or "mah" or "v" or "hz" or "mp" or "mbps" or "gbps" or "inch" or "in" or "ft";
    }

    private static string Letters(string word)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var pair = s_letters.FirstOrDefault(l => l.Latin.Length == 2 && string.CompareOrdinal(word, i, l.Latin, 0, 2) == 0);
            if (pair.Latin is not null)
            {
                builder.Append(pair.Arabic);
                i += 2;
                continue;
            }

            var c = word[i];
            if (c is 'a' or 'e' or 'o' || i == 0 && c is 'i' or 'u')
            {
                // A short vowel is unwritten inside a word; at the start it carries an alef, at the end a long vowel.
                builder.Append(i == 0 ? "ا" : i == word.Length - 1 ? c switch { 'a' => "ا", 'e' => "ه", _ => "و" } : "");
                i++;
                continue;
            }

            builder.Append(s_letters.FirstOrDefault(l => l.Latin.Length == 1 && l.Latin[0] == c).Arabic ?? "");
            i++;
        }

        return builder.ToString();
    }
}
