using System.Text;

namespace AiSales.Core.Knowledge;

/// <summary>
/// Folds text the way the database's <c>aisales_normalize</c> does (alef/hamza forms, taa marbuta → haa, alef
/// maqsura and yaa with hamza → yaa, waw with hamza → waw, Persian yeh/kaf, diacritics and tatweel removed,
/// Arabic-Indic digits → ASCII, lower case), then splits it into words and strips the Arabic article.
/// </summary>
public static class ArabicFolding
{
    /// <summary>The folded text: letters and digits kept, everything else a single space.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or >= '\u06D6' and <= '\u06ED')
            {
                continue;
            }

            var folded = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' or 'ئ' or 'ی' => 'ي',
                'ؤ' => 'و',
                'ة' => 'ه',
                'ک' => 'ك',
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                _ => c,
            };
            builder.Append(char.IsLetterOrDigit(folded) ? folded : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The folded words, each without its article: التوصيل → توصيل, بالكاش → كاش, للرياض → رياض, والشحن → شحن.</summary>
    public static IReadOnlyList<string> Words(string text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(StripArticle).ToList();

    /// <summary>Removes ال and its joined prepositions (و، ب، ف، ك + ال; لل) when a word of two letters or more remains.</summary>
    public static string StripArticle(string word)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["وال", "بال", "فال", "كال", "ال", "لل"])
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= 2)
            {
                return word[prefix.Length..];
            }
        }

        return word;
    }
}
