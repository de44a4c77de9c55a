using System.Globalization;
using System.Text;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Brings a customer's message to the single spelling every lexicon here is written in, so "أبغى"/"ابغى", "٢"/"2",
/// "شكراااا"/"شكرا" and "thanksss"/"thanks" meet the same table entry. Arabic letters fold exactly like
/// IntentDetector.Normalize (and the database's aisales_normalize), so a query built here finds the same rows there.
/// </summary>
public static class TextFolding
{
    /// <summary>The folded words of <paramref name="text"/> joined by single spaces.</summary>
    public static string Fold(string text) => string.Join(' ', Split(text).Select(t => t.Text));

    public static IReadOnlyList<string> Tokens(string folded) => folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsArabicScript(string text) => text.Any(IsArabicLetter);

    internal static bool IsArabicLetter(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF'
        or >= '\uFE70' and <= '\uFEFF' && char.IsLetter(c);

    /// <summary>The folded words with their places in the original text; each emoji is a word of its own.</summary>
    internal static IReadOnlyList<FoldedToken> Split(string text)
    {
        var tokens = new List<FoldedToken>();
        var word = new StringBuilder();
        var start = 0;
        var end = 0;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(new FoldedToken(CollapseRepeats(word.ToString()), start, end));
                word.Clear();
            }
        }

        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var at = index;
            index += rune.Utf16SequenceLength;
            switch (Classify(rune))
            {
                case Kind.Drop:
                    continue;
                case Kind.Separator:
                    Flush();
                    continue;
                case Kind.Emoji:
                    Flush();
                    tokens.Add(new FoldedToken(rune.ToString(), at, index, IsEmoji: true));
                    continue;
            }

            var c = FoldChar(rune);
            // "٢حبة" is two words: a digit glued to an Arabic letter is never one token (Latin keeps "x3", "3pcs", "3ndkom").
            if (word.Length > 0 && char.IsAsciiDigit(c) != char.IsAsciiDigit(word[^1]) && (IsArabicLetter(c) || IsArabicLetter(word[^1])))
            {
                Flush();
            }

            if (word.Length == 0)
            {
                start = at;
            }

            word.Append(c);
            end = index;
        }

        Flush();
        return tokens;
    }

    private enum Kind { Letter, Drop, Separator, Emoji }

    private static Kind Classify(Rune rune)
    {
        if (rune.Value is '\'' or '\u2019' or '`' or '\u0640' or '\u200D' or '\u200C')
        {
            return Kind.Drop; // "I'll" → "ill", "what's" → "whats"; tatweel and joiners carry no letter
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.TitlecaseLetter or UnicodeCategory.DecimalDigitNumber => Kind.Letter,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.Format or UnicodeCategory.ModifierSymbol or UnicodeCategory.ModifierLetter => Kind.Drop,
            UnicodeCategory.OtherSymbol => Kind.Emoji,
            _ => Kind.Separator,
        };
    }

    private static char FoldChar(Rune rune)
    {
        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            return (char)('0' + (int)Rune.GetNumericValue(rune));
        }

        var c = rune.IsBmp ? char.ToLowerInvariant((char)rune.Value) : '?';
        return c switch
        {
            'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
            'ى' or 'ئ' or 'ی' => 'ي',
            'ؤ' => 'و',
            'ة' => 'ه',
            'ک' => 'ك',
            _ => c,
        };
    }

    // Stretched letters are emphasis, not spelling. 'x' is kept: "xxxl" is a size.
    private static string CollapseRepeats(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var run = 1;
            while (i + run < word.Length && word[i + run] == c)
            {
                run++;
            }

            builder.Append(c, run >= 3 && char.IsLetter(c) && c != 'x' ? 1 : run);
            i += run - 1;
        }

        return builder.ToString();
    }
}
