namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// Garment and shoe sizes to canonical keys (xs, s, m, l, xl, xxl, xxxl, or the number). A lone "s", "m" or "l" and a bare number are
/// sizes only next to a size word ("مقاس ٤٢", "size m") or in a short answer, because elsewhere they are units, initials or quantities.
/// </summary>
internal static class Sizes
{
    private static readonly Dictionary<string, string> s_named = new(StringComparer.Ordinal)
    {
        ["xs"] = "xs", ["extra small"] = "xs", ["x small"] = "xs", ["اكس سمول"] = "xs", ["اكسترا سمول"] = "xs",
        ["small"] = "s", ["سمول"] = "s", ["سمال"] = "s", ["صغير"] = "s", ["صغيره"] = "s", ["الصغير"] = "s", ["الصغيره"] = "s",
        ["medium"] = "m", ["med"] = "m", ["ميديم"] = "m", ["ميديوم"] = "m", ["متوسط"] = "m", ["المتوسط"] = "m", ["متوسطه"] = "m",
        ["large"] = "l", ["لارج"] = "l", ["كبير"] = "l", ["كبيره"] = "l", ["الكبير"] = "l", ["الكبيره"] = "l",
        ["big"] = "l", ["bigger"] = "l", ["larger"] = "l", ["الاكبر"] = "l", ["smaller"] = "s", ["الاصغر"] = "s",
        ["xl"] = "xl", ["x large"] = "xl", ["xlarge"] = "xl", ["extra large"] = "xl", ["اكس لارج"] = "xl", ["اكسترا لارج"] = "xl", ["اكس"] = "xl",
        ["xxl"] = "xxl", ["2xl"] = "xxl", ["xx large"] = "xxl", ["xxlarge"] = "xxl", ["دبل اكس"] = "xxl", ["دبل اكس لارج"] = "xxl",
        ["اكس اكس لارج"] = "xxl", ["2 اكس"] = "xxl", ["xxxl"] = "xxxl", ["3xl"] = "xxxl", ["3 اكس"] = "xxxl", ["تربل اكس"] = "xxxl",
    };

    private static readonly Dictionary<string, string> s_nearSizeWord = new(StringComparer.Ordinal)
    {
        ["s"] = "s", ["m"] = "m", ["l"] = "l", ["وسط"] = "m", ["الوسط"] = "m", ["اس"] = "s",
    };

    /// <summary>Words after which a letter or a number is a size.</summary>
    public static readonly IReadOnlySet<string> SizeWords = new HashSet<string>(
        ["مقاس", "المقاس", "مقاسي", "بمقاس", "قياس", "القياس", "قياسي", "سايز", "السايز", "سايزي", "نمره", "النمره", "نمرتي", "size", "sz",
            "my size", "تاي", "البوانتير", "بوانتير"], StringComparer.Ordinal);

    /// <summary>Words after a number that make it a child's age, which children's clothes are sized by.</summary>
    public static readonly IReadOnlySet<string> AgeWords = new HashSet<string>(
        new[] { "سنة", "سنه", "سنين", "سنوات", "شهر", "شهور", "اشهر", "أشهر", "year", "years", "yrs", "month", "months" }.Select(TextFolding.Fold),
        StringComparer.Ordinal);

    private static readonly HashSet<string> s_months = new(
        new[] { "شهر", "شهور", "اشهر", "أشهر", "month", "months" }.Select(TextFolding.Fold), StringComparer.Ordinal);

    public static PhraseTable<string> Named { get; } = new(s_named.Select(pair => (pair.Key, pair.Value)));

    /// <summary>
    /// The size keys of a child's age, from <paramref name="from"/> to <paramref name="to"/> (one age, or a range such as «6-12 شهر»):
    /// the number for years, the number and "m" for months, so "6 months" is not the "6 years" of a dress.
    /// </summary>
    public static IEnumerable<string> Ages(int from, int to, string ageWord) =>
        from > to || to - from > 40 ? [] : Enumerable.Range(from, to - from + 1)
            .Select(n => s_months.Contains(ageWord) ? $"{n}m" : n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string? NearSizeWord(string token) => s_nearSizeWord.GetValueOrDefault(token);

    /// <summary>
    /// The sizes a product's name carries, as keys: "Floral Maxi Dress, size M" → m, «حذاء مقاس ٤٢» → 42, "T-shirt XL" → xl. A lone s, m or l
    /// counts after a size word or at the end of the name (or of one language's half); a number only after a size word.
    /// </summary>
    public static IReadOnlySet<string> InName(string name)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var half in name.Split([" | ", " - ", " – ", "(", ")", ","], StringSplitOptions.RemoveEmptyEntries))
        {
            var words = TextFolding.Tokens(TextFolding.Fold(half)).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var afterSizeWord = i > 0 && SizeWords.Contains(words[i - 1]);
                // "Air Fryer 4 L": a letter after a number is its unit (litres), not a size.
                var unit = !afterSizeWord && i > 0 && words[i - 1].All(char.IsAsciiDigit) && NearSizeWord(words[i]) is not null;
                var key = s_named.TryGetValue(words[i], out var named) && words[i].All(char.IsAsciiLetterOrDigit)
                    ? named
                    : unit ? null
                    : afterSizeWord || i == words.Count - 1 && words.Count > 1 ? NearSizeWord(words[i]) ?? Number(words[i], afterSizeWord) : null;
                if (key is not null)
                {
                    keys.Add(key);
                }

                // "Party Dress, 4-5 years", «طقم بودي 6-12 شهر»: the ages a child's garment fits are its sizes.
                if (i + 1 < words.Count && AgeWords.Contains(words[i + 1]) && int.TryParse(words[i], out var age))
                {
                    var from = i > 0 && int.TryParse(words[i - 1], out var low) ? low : age;
                    keys.UnionWith(Ages(from, age, words[i + 1]));
                }
            }
        }

        return keys;
    }

    /// <summary>A garment or shoe size number: 2–60 after a size word, 34–48 on its own.</summary>
    public static string? Number(string token, bool afterSizeWord) =>
        int.TryParse(token, out var n) && (afterSizeWord ? n is >= 2 and <= 60 : n is >= 34 and <= 48) ? token : null;
}
