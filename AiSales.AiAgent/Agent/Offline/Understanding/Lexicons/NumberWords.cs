namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>
/// Counting words: quantities ("حبتين", "ثنتين", "تلاتة", "a couple"), the unit words that follow a number ("٣ حبات", "2 pcs", "two pairs"),
/// and ordinals for picking from a list ("الثانية", "التاني", "2nd"). "A pair" is 2 (contract §7: "one, two, a pair"); counted
/// pairs count pairs: "one pair" is 1 and "two pairs" 2 (a pair of shoes is one item).
/// </summary>
internal static class NumberWords
{
    public static readonly IReadOnlyDictionary<string, int> Quantities = Fold(new Dictionary<string, int>
    {
        ["واحد"] = 1, ["واحدة"] = 1, ["وحدة"] = 1, ["حبة"] = 1, ["حبة وحدة"] = 1, ["قطعة"] = 1, ["قطعة وحدة"] = 1, ["وحده بس"] = 1,
        ["اثنين"] = 2, ["اثنان"] = 2, ["اثنتين"] = 2, ["اثنتان"] = 2, ["ثنتين"] = 2, ["ثنتان"] = 2, ["تنتين"] = 2, ["اتنتين"] = 2, ["ثنين"] = 2, ["اتنين"] = 2, ["تنين"] = 2, ["زوج"] = 2, ["جوز"] = 2,
        ["حبتين"] = 2, ["قطعتين"] = 2, ["علبتين"] = 2, ["عبوتين"] = 2, ["قنينتين"] = 2, ["زجاجتين"] = 2, ["انبوبتين"] = 2, ["زوجين"] = 2, ["جوزين"] = 2, ["باكيتين"] = 2, ["باكتين"] = 2, ["كرتونين"] = 2, ["اثنينات"] = 2, ["زوز"] = 2, ["جوج"] = 2,
        ["ثلاث"] = 3, ["ثلاثة"] = 3, ["ثلاثه"] = 3, ["تلات"] = 3, ["تلاث"] = 3, ["تلاثة"] = 3, ["تلاتة"] = 3, ["تلاتة حبات"] = 3, ["ثلاث حبات"] = 3, ["تلاته"] = 3,
        ["اربع"] = 4, ["أربع"] = 4, ["اربعة"] = 4, ["أربعة"] = 4, ["ربعة"] = 4,
        ["خمس"] = 5, ["خمسة"] = 5, ["ست"] = 6, ["ستة"] = 6, ["سته"] = 6, ["سبع"] = 7, ["سبعة"] = 7, ["ثمان"] = 8, ["ثماني"] = 8, ["ثمانية"] = 8,
        ["تمنية"] = 8, ["تسع"] = 9, ["تسعة"] = 9, ["عشر"] = 10, ["عشرة"] = 10, ["درزن"] = 12, ["دزينة"] = 12,
        ["one"] = 1, ["a single"] = 1, ["single"] = 1, ["a pair"] = 2, ["one pair"] = 1, ["two"] = 2, ["couple"] = 2, ["a couple"] = 2,
        ["a couple of"] = 2, ["both"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["dozen"] = 12, ["a dozen"] = 12,
    });

    /// <summary>Words that only say "pieces" after a number; "٣ حبات" is 3 and the unit is not a product word.</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(
        ["حبه", "حبات", "حبايب", "قطعه", "قطع", "علبه", "علب", "عبوه", "عبوات", "قنينه", "قناني", "زجاجه", "زجاجات", "انبوبه", "كرتون", "كراتين", "باكيت", "باكيتات", "باكت", "باكتات", "بكت", "باكو", "packet", "packets", "زوج", "ازواج", "جوز", "عدد", "نسخه", "نسخ", "وحدات", "اطقم", "طقمين", "sets", "pcs", "pc",
            "piece", "pieces", "pair", "pairs", "unit", "units", "items", "item", "x", "bottles", "bottle", "boxes", "box", "qty", "times", "tubes", "tube", "jars", "jar", "packs", "pack"],
        StringComparer.Ordinal);

    /// <summary>What a number before it measures rather than counts: «12 لون», "12 shades", «50 مل», "250 g" (folded, without «ال»).</summary>
    public static readonly IReadOnlySet<string> Measures = Set(["لون", "الوان", "ألوان", "درجه", "درجات", "shade", "shades", "colour", "colours",
        "color", "colors", "مل", "ملي", "مللي", "ml", "غرام", "غم", "جرام", "جم", "g", "gm", "gr", "كيلو", "كغ", "kg", "لتر", "سم", "cm", "ملم", "mm",
        "واط", "w", "watt", "mah", "اونصه", "oz", "spf"]);

    /// <summary>
    /// Units a yes/no question about a measure names («هل العطر ١٠٠ مل؟», "does it come in 30 cm?"): volume or weight, then
    /// length. Wider than <see cref="Measures"/> ("l", inches), which decides only whether a number counts.
    /// </summary>
    public static readonly IReadOnlySet<string> VolumeUnits = Set(["ml", "مل", "ملي", "مللي", "g", "gm", "gr", "غرام", "غم", "جرام", "جم",
        "kg", "كيلو", "كغ", "لتر", "l", "oz", "اونصه"]);

    public static readonly IReadOnlySet<string> LengthUnits = Set(["cm", "سم", "mm", "ملم", "inch", "inches", "انش", "بوصه"]);

    /// <summary>Ordinals that pick from a list. Arabic takes the article ("الثانية"); the bare form ("ثاني") is "another" unless a pick was asked for.</summary>
    public static readonly IReadOnlyDictionary<string, int> Ordinals = Fold(new Dictionary<string, int>
    {
        ["الأول"] = 1, ["الاولى"] = 1, ["الأولى"] = 1, ["اول وحدة"] = 1, ["أول وحدة"] = 1, ["اول واحد"] = 1, ["أول واحد"] = 1, ["اول شي"] = 1,
        ["الثاني"] = 2, ["الثانية"] = 2, ["التاني"] = 2, ["التانية"] = 2, ["ثاني وحدة"] = 2, ["ثاني واحد"] = 2, ["تاني واحد"] = 2, ["تاني وحدة"] = 2,
        ["الثالث"] = 3, ["الثالثة"] = 3, ["التالت"] = 3, ["التالتة"] = 3, ["ثالث وحدة"] = 3, ["ثالث واحد"] = 3, ["تالت واحد"] = 3,
        ["الرابع"] = 4, ["الرابعة"] = 4, ["رابع وحدة"] = 4, ["رابع واحد"] = 4, ["الخامس"] = 5, ["الخامسة"] = 5, ["السادس"] = 6, ["السادسة"] = 6,
        ["السابع"] = 7, ["السابعة"] = 7, ["الثامن"] = 8, ["الثامنة"] = 8, ["التاسع"] = 9, ["التاسعة"] = 9, ["العاشر"] = 10, ["العاشرة"] = 10,
        ["the first"] = 1, ["first one"] = 1, ["the first one"] = 1, ["1st"] = 1, ["the 1st"] = 1, ["1st one"] = 1,
        ["the second"] = 2, ["second one"] = 2, ["the second one"] = 2, ["2nd"] = 2, ["the 2nd"] = 2, ["2nd one"] = 2,
        ["the third"] = 3, ["third one"] = 3, ["the third one"] = 3, ["3rd"] = 3, ["the 3rd"] = 3, ["3rd one"] = 3,
        ["the fourth"] = 4, ["fourth one"] = 4, ["4th"] = 4, ["the 4th"] = 4, ["the fifth"] = 5, ["fifth one"] = 5, ["5th"] = 5, ["the 5th"] = 5,
        ["6th"] = 6, ["7th"] = 7, ["8th"] = 8, ["9th"] = 9, ["10th"] = 10,
    });

    /// <summary>Ordinals that pick only when a pick was asked for: bare "ثاني" or "second" otherwise mean "another" or "a moment".</summary>
    public static readonly IReadOnlyDictionary<string, int> BareOrdinals = Fold(new Dictionary<string, int>
    {
        ["اول"] = 1, ["أول"] = 1, ["اولى"] = 1, ["ثاني"] = 2, ["ثانية"] = 2, ["تاني"] = 2, ["تانية"] = 2, ["ثالث"] = 3, ["ثالثة"] = 3, ["تالت"] = 3,
        ["رابع"] = 4, ["رابعة"] = 4, ["خامس"] = 5, ["خامسة"] = 5, ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5,
    });

    /// <summary>"The last one": resolved to the number of options shown.</summary>
    public static readonly IReadOnlySet<string> Last = new HashSet<string>(
        ["الاخير", "الاخيره", "اخر وحده", "اخر واحد", "اخر شي", "the last", "last one", "the last one", "last"], StringComparer.Ordinal);

    /// <summary>"Both" of a list of two: every product shown, one line each ("I'll take both", «باخد التنتين»).</summary>
    public static readonly IReadOnlySet<string> Both = Set(["both", "both of them", "the two", "the two of them", "them both", "الاثنين", "الاتنين",
        "الثنين", "الثنتين", "التنتين", "الاثنتين", "الاتنتين", "الجوج", "الزوز", "كلاهما", "كليهما", "الاثنين مع بعض", "الثنتين مع بعض"]);

    /// <summary>All of a list ("all of them", «كلهم»), whatever its length.</summary>
    public static readonly IReadOnlySet<string> All = Set(["all of them", "them all", "كلهم", "كلهن", "كلهم الاثنين"]);

    /// <summary>Words that put a number in front of a pick: "رقم ٢", "no. 2", "option 3", "#2" (the # folds away).</summary>
    public static readonly IReadOnlySet<string> ChoiceLeads = new HashSet<string>(
        ["رقم", "الرقم", "خيار", "الخيار", "اختيار", "no", "number", "num", "nr", "option", "opt", "choice", "item", "n"], StringComparer.Ordinal);

    private static HashSet<string> Set(string[] phrases) => phrases.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, int> Fold(Dictionary<string, int> words) =>
        words.GroupBy(pair => TextFolding.Fold(pair.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
}
