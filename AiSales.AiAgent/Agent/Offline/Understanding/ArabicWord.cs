namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// The clitics glued to the front of an Arabic word: "بالاسود" is "ب" + "ال" + "اسود". Tables list bare words; this yields the
/// word and its shorter readings, longest first, so a lookup can try each. Short words are left alone ("بني" is brown, not ب + ني).
/// </summary>
internal static class ArabicWord
{
    private static readonly string[] s_prefixes = ["وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب"];

    public static IEnumerable<string> WithoutPrefixes(string word)
    {
        yield return word;
        foreach (var prefix in s_prefixes)
        {
            if (word.Length - prefix.Length >= 3 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return word[prefix.Length..];
            }
        }
    }

    /// <summary>
    /// "القفطان" → "قفطان" for the catalogue search, as IntentDetector.StripArticle does; "للرياض" and "بالشنطة" lose their
    /// preposition with the article, since "ل" + "ال" can only be a prefix.
    /// </summary>
    public static string StripArticle(string word)
    {
        foreach (var prefix in (string[])["وال", "بال", "فال", "كال", "لل"])
        {
            if (word.Length >= prefix.Length + 3 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return word[prefix.Length..];
            }
        }

        return word.Length >= 5 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;
    }

    // Words ending like a feminine dual that are not one: a protein, a routine, keratin, Latin.
    private static readonly HashSet<string> s_notDuals = new(["بروتين", "كيراتين", "روتين", "جيلاتين", "لاتين", "كراتين", "بوتين"], StringComparer.Ordinal);

    private static readonly string[] s_inflections = ["ه", "ات", "ين", "ون", "يه", "ها", "هم"];

    /// <summary>
    /// The singular of a feminine dual, «طرحتين» → «طرحه» (two hijabs), or in its formal nominative «رضاعتان» → «رضاعه», when three
    /// letters or more stay before «تين»/«تان»; null for any other word. Number words («حبتين», «ثنتين») are read before this; «مرتين» and
    /// «سنتين» are too short to be a product, and «ستان» ends a place («باكستان»), not a dual.
    /// </summary>
    public static string? DualSingular(string word) => StripArticle(word) is var bare && bare.Length >= 6 && TextFolding.IsArabicScript(bare)
        && (bare.EndsWith("تين", StringComparison.Ordinal) || bare.EndsWith("تان", StringComparison.Ordinal) && !bare.EndsWith("ستان", StringComparison.Ordinal))
        && !s_notDuals.Contains(bare)
            ? bare[..^3] + "ه"
            : null;

    // Words ending in «ين» that are no dual: ingredients and loanwords (vitamin, caffeine, collagen…), tens, plurals and participles
    // customers write beside a product («موجودين؟», «متوفرين»), names and places.
    private static readonly HashSet<string> s_notMasculineDuals = new(new[]
    {
        "فيتامين", "كافيين", "كافين", "بيوتين", "كولاجين", "كولاجن", "ايلاستين", "جليسرين", "جلسرين", "جلسرين", "لانولين", "بارافين", "ميلانين",
        "ارجنين", "تورين", "بروتين", "كيراتين", "جيلاتين", "ياسمين", "بنزين", "فلسطين", "ملايين", "سنين", "عشرين", "ثلاثين", "تلاتين", "اربعين",
        "خمسين", "ستين", "سبعين", "ثمانين", "تمانين", "تسعين", "موجودين", "متوفرين", "متاحين", "محتاجين", "مهتمين", "عايزين", "عاوزين", "حابين",
        "حلوين", "شاطرين", "قاعدين", "رايحين", "جايين", "ساكنين", "مستعجلين", "مبسوطين", "مشغولين", "فاضيين", "نازلين", "طالعين", "لابسين",
        "مستعملين", "مستخدمين", "موظفين", "الموظفين", "زبائن", "اسبرين", "نسرين", "شيرين", "نيفين", "نرمين", "شاهين", "ياسين", "جاكلين", "ايفلين",
        "ميبيلين", "ميبلين", "تانيين", "تانين", "ثانيين", "اخرين", "غاليين", "رخيصين", "كثيرين", "قليلين", "مختلفين", "نفسين",
    }.Select(TextFolding.Fold), StringComparer.Ordinal);

    /// <summary>
    /// The singular of a masculine dual, «عطرين» → «عطر», «كريمين» → «كريم», «فستانين» → «فستان» (two of them), when three to six letters
    /// stay before «ين»; null for a word listed as no dual (vitamin, «موجودين», «عشرين») and any other word. The caller reads it only
    /// for the first product word of a message, where a count stands. A formal nominative dual is read only where its singular already
    /// ends in «ان» («فستانان» → «فستان»): «عطران» cannot be told from «الوان» or «عنوان» without the catalogue.
    /// </summary>
    public static string? MasculineDualSingular(string word) => StripArticle(word) is var bare && bare.Length is >= 5 and <= 8
        && (bare.EndsWith("ين", StringComparison.Ordinal) && !bare.EndsWith("تين", StringComparison.Ordinal) || bare.Length >= 6 && bare.EndsWith("انان", StringComparison.Ordinal))
        && TextFolding.IsArabicScript(bare) && !s_notMasculineDuals.Contains(bare) && !s_notMasculineDuals.Contains(word)
            ? bare[..^2]
            : null;

    /// <summary>
    /// True when <paramref name="word"/> is <paramref name="stem"/> with Arabic clitics and endings: «تالف» in «تالفة», «التالف», «وتالفين».
    /// </summary>
    public static bool Inflects(string word, string stem) =>
        stem.Length >= 3 && WithoutPrefixes(word).Any(w => w == stem || s_inflections.Any(e => w.Length == stem.Length + e.Length
            && w.StartsWith(stem, StringComparison.Ordinal) && w.EndsWith(e, StringComparison.Ordinal)));

    /// <summary>
    /// The words of a folded query with their plurals as likely singular stems, for a second search when the first found nothing:
    /// «كيبلات» → «كيبل», «شواحن» → «شاحن» (فواعل), «عطور» → «عطر» (فعول), «مكانس» → «مكنس», «كراسي» → «كرسي» (فعالل). A wrong guess only
    /// finds nothing again.
    /// </summary>
    public static string Singulars(string query) => string.Join(' ', query.Split(' ').Select(Singular));

    public static string Singular(string word) => word switch
    {
        _ when !TextFolding.IsArabicScript(word) => word,
        { Length: >= 5 } when word.EndsWith("ات", StringComparison.Ordinal) => word[..^2],
        { Length: 5 } when word[1] == 'و' && word[2] == 'ا' => word[0] + "ا" + word[3..],
        { Length: 5 } when word[2] == 'ا' && word[1] != 'ا' && !word.EndsWith('ه') => word[..2] + word[3..],
        { Length: 4 } when word[2] == 'و' => word[..2] + word[3],
        _ => word,
    };
}
