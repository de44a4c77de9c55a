namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// The colour vocabulary, one canonical key per colour with every folded surface form customers and merchants write: both genders and the
/// colloquial forms (اسود/سودا/سوداء، ابيض/بيضا، رمادي/رصاصي/سكني، وردي/زهري/فوشي، بنفسجي/موف) and English, and the shades fashion and
/// cosmetics sell under their own names (olive/زيتي, camel/جملي, rose/روز, nude/نود, peach/خوخي, coral). The same table reads a
/// customer's "السودا" and lets the caller find "حقيبة سوداء" in a product name.
/// </summary>
public static class Colours
{
    private static readonly Dictionary<string, string[]> s_forms = new(StringComparer.Ordinal)
    {
        ["black"] = ["اسود", "أسود", "سودا", "سوداء", "سوده", "سود", "كحل", "black", "blk"],
        ["white"] = ["ابيض", "أبيض", "بيضا", "بيضاء", "بيضه", "ابيضاني", "white", "wht", "off white"],
        ["brown"] = ["بني", "بنيه", "بنية", "قهوائي", "قهوائيه", "بني غامق", "brown"],
        ["red"] = ["احمر", "أحمر", "حمرا", "حمراء", "حمره", "حمر", "عنابي", "red", "maroon", "burgundy"],
        ["blue"] = ["ازرق", "أزرق", "زرقا", "زرقاء", "زرقه", "زرق", "سماوي", "لبني", "blue", "light blue", "sky blue", "baby blue", "turquoise"],
        ["green"] = ["اخضر", "أخضر", "خضرا", "خضراء", "خضره", "خضر", "green"],
        ["olive"] = ["زيتي", "زيتيه", "زيتية", "اخضر زيتي", "olive", "olive green", "khaki", "خاكي"],
        ["pink"] = ["وردي", "ورديه", "وردية", "زهري", "زهريه", "زهرية", "فوشي", "فوشيا", "بمبي", "pink", "fuchsia"],
        ["rose"] = ["روز", "rose", "dusty pink", "وردي غامق", "وردي فاتح"],
        ["gold"] = ["ذهبي", "ذهبيه", "ذهبية", "دهبي", "دهبيه", "gold", "golden"],
        ["silver"] = ["فضي", "فضيه", "فضية", "سيلفر", "silver"],
        ["beige"] = ["بيج", "بيجي", "كريمي", "سكري", "beige"], // not "cream": a hand cream is not beige
        ["camel"] = ["جملي", "جمليه", "جملية", "كاميل", "camel"],
        ["nude"] = ["نود", "نيود", "nude"],
        ["peach"] = ["خوخي", "خوخيه", "خوخية", "مشمشي", "peach", "apricot"],
        ["coral"] = ["كورال", "مرجاني", "coral"],
        ["grey"] = ["رمادي", "رماديه", "رمادية", "رصاصي", "رصاصيه", "سكني", "gray", "grey"],
        ["navy"] = ["كحلي", "كحليه", "كحلية", "نيلي", "navy", "navy blue", "dark blue"],
        ["purple"] = ["بنفسجي", "بنفسجيه", "بنفسجية", "موف", "ليلكي", "purple", "violet", "lilac", "mauve"],
        ["yellow"] = ["اصفر", "أصفر", "صفرا", "صفراء", "صفره", "yellow"],
        ["orange"] = ["برتقالي", "برتقاليه", "برتقالية", "اورنج", "orange"],
        ["clear"] = ["شفاف", "شفافه", "شفافة", "clear", "transparent"], // a case or a bottle comes in "clear" as in a colour
    };

    private static readonly Dictionary<string, string> s_keyByForm = s_forms
        .SelectMany(pair => pair.Value.Select(form => (Form: TextFolding.Fold(form), pair.Key)))
        .GroupBy(x => x.Form)
        .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);

    internal static PhraseTable<string> Phrases { get; } = new(s_keyByForm.Select(pair => (pair.Key, pair.Value)));

    public static IReadOnlyCollection<string> Keys => s_forms.Keys;

    /// <summary>The canonical key of a folded colour word ("السوده" → "black", "بالاحمر" → "red"), or null.</summary>
    public static string? Key(string foldedWord)
    {
        foreach (var form in ArabicWord.WithoutPrefixes(foldedWord))
        {
            if (s_keyByForm.TryGetValue(form, out var key))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// A colour's word in one language, as the product's own text writes it when it does («أحمر» of «لون أحمر», not «حمرا»): for saying
    /// which colour a product comes in. The English word is the key.
    /// </summary>
    public static string Word(string key, bool arabic, string text)
    {
        if (!arabic || !s_forms.TryGetValue(key, out var forms))
        {
            return key;
        }

        var arabicForms = forms.Where(f => TextFolding.IsArabicScript(f) && !f.Contains(' ')).ToList();
        var written = TextFolding.Tokens(TextFolding.Fold(text)).SelectMany(ArabicWord.WithoutPrefixes)
            .FirstOrDefault(t => arabicForms.Any(f => TextFolding.Fold(f) == t));
        // The spelling with its hamza when there is one («أحمر» rather than «احمر»).
        return arabicForms.Where(f => written is null || TextFolding.Fold(f) == written).OrderByDescending(f => f.Contains('أ')).FirstOrDefault() ?? key;
    }

    // Nouns after which a colour word names a product: «احمر شفايف» is lipstick, «احمر خدود» blush.
    private static readonly HashSet<string> s_cosmetics = new(["شفايف", "شفاه", "خدود"], StringComparer.Ordinal);

    /// <summary>True when the folded word after a colour word makes it a product's name («احمر الشفاه», «احمر خدود»), not a colour.</summary>
    public static bool NamesCosmetic(string? foldedNext) => foldedNext is not null && s_cosmetics.Contains(ArabicWord.StripArticle(foldedNext));

    /// <summary>Every folded form of a colour, with and without the Arabic article, for matching product names and descriptions.</summary>
    public static IReadOnlyList<string> SurfaceForms(string key) => s_forms.TryGetValue(key, out var forms)
        ? forms.Select(TextFolding.Fold)
            .SelectMany(f => TextFolding.IsArabicScript(f) && !f.Contains(' ') ? new[] { f, "ال" + f } : [f])
            .Distinct()
            .ToList()
        : [];
}
