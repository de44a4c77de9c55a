using System.Text.RegularExpressions;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>The sentence of a product's description that answers a question about one attribute.</summary>
public static class Passages
{
    private static readonly Dictionary<ProductAttribute, string[]> s_words = new()
    {
        [ProductAttribute.Size] = ["size", "sizes", "cm", "length", "width", "مقاس", "مقاسات", "قياس", "حجم", "طول", "عرض", "سم"],
        [ProductAttribute.Colour] = ["colour", "color", "colours", "colors", "لون", "الوان", "الون"],
        [ProductAttribute.Material] = ["leather", "cotton", "silk", "wool", "linen", "gold", "silver", "material", "made", "جلد", "قطن", "حرير", "صوف", "كتان", "ذهب", "فضه", "خامه", "مصنوع", "طبيعي"],
        [ProductAttribute.Volume] = ["ml", "millilitre", "milliliter", "litre", "liter", "oz", "volume", "مل", "ملي", "لتر", "حجم", "سعه",
            "weight", "weighs", "weigh", "g", "kg", "gram", "grams", "mah", "capacity", "وزن", "غرام", "جرام", "كيلو", "كغ", "مللي"],
        [ProductAttribute.Age] = ["age", "ages", "year", "years", "month", "months", "newborn", "newborns", "birth", "عمر", "سنه", "سنوات", "سنين",
            "شهر", "شهور", "اشهر", "ولاده", "مواليد", "مولود"],
        // What is inside is the description itself: no sentence is picked, the description in the customer's language answers.
        [ProductAttribute.Contents] = [],
    };

    /// <summary>The sentences mentioning the attribute (in the reply's language when some are), or null when none does (the caller then gives the whole description).</summary>
    public static string? About(string description, ProductAttribute? attribute, bool arabic)
    {
        if (attribute is null || string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var words = s_words[attribute.Value];
        var sentences = description.Split(['.', '\n', '،', ';', '؛'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hits = sentences.Where(s => Mentions(s, words, attribute.Value)).ToList();
        // A bilingual description answers in the customer's language when it can.
        var inLanguage = hits.Where(s => TextFolding.IsArabicScript(s) == arabic).ToList();
        hits = inLanguage.Count > 0 ? inLanguage : hits;
        return hits.Count == 0 ? null : string.Join(". ", hits) + ".";
    }

    /// <summary>
    /// A bilingual description in the customer's language, when no sentence answers the question: «بنطلون كتان بأستك في الوسط، لون
    /// بيج.» for an Arabic customer rather than both halves. Null when it is written in one language only (the caller gives it all).
    /// </summary>
    public static string? InLanguage(string description, bool arabic)
    {
        var sentences = Regex.Split(description, @"(?<=[.!?؟])\s+|\n")
            .Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var own = sentences.Where(s => TextFolding.IsArabicScript(s) == arabic).ToList();
        return own.Count > 0 && own.Count < sentences.Count ? string.Join(' ', own) : null;
    }

    private static bool Mentions(string sentence, string[] words, ProductAttribute attribute)
    {
        var tokens = TextFolding.Tokens(TextFolding.Fold(sentence));
        // «بمقاسات», «والالوان»: an Arabic word with its article or a joined preposition is still the word.
        return tokens.Any(t => ArabicWord.WithoutPrefixes(t).Any(words.Contains)
            || (attribute == ProductAttribute.Colour && Colours.Key(t) is not null)
            || (attribute is ProductAttribute.Volume or ProductAttribute.Size && t.Any(char.IsDigit) && t.EndsWith("ml", StringComparison.Ordinal)));
    }
}
