using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// The main cities of the Arab countries a shop sells in, with the country each is in, in Arabic and English: «توصلون دبي؟» names a
/// place even without «الى», and a faq entry about Jeddah, Makkah and "the rest of the Kingdom" does not answer for Dubai. Names that are
/// also common words («العين», «الخبر», «المدينة», «عمان» which is also Oman) are left out.
/// </summary>
public static class Gazetteer
{
    private static readonly Dictionary<string, string[]> s_cities = new(StringComparer.Ordinal)
    {
        ["sa"] = ["الرياض", "جده", "جدة", "مكه", "مكة", "الدمام", "الطايف", "الطائف", "تبوك", "ابها", "أبها", "بريده", "القصيم", "حايل", "حائل", "جازان",
            "جيزان", "نجران", "الاحساء", "الأحساء", "الجبيل", "ينبع", "الباحه", "القطيف", "السعوديه", "المملكه", "riyadh", "jeddah", "jedda", "makkah",
            "mecca", "madinah", "medina", "dammam", "khobar", "taif", "tabuk", "abha", "qassim", "buraidah", "hail", "jazan", "jizan", "najran", "hofuf",
            "jubail", "yanbu", "qatif", "saudi", "ksa"],
        ["ae"] = ["دبي", "ابوظبي", "أبوظبي", "الشارقه", "الشارقة", "عجمان", "الفجيره", "الفجيرة", "الامارات", "dubai", "sharjah", "ajman", "fujairah",
            "uae", "emirates"],
        ["kw"] = ["الكويت", "حولي", "السالميه", "السالمية", "الجهراء", "الاحمدي", "الفروانيه", "الفحيحيل", "kuwait", "salmiya", "hawalli", "jahra",
            "ahmadi", "farwaniya", "fahaheel"],
        ["qa"] = ["قطر", "الدوحه", "الدوحة", "الوكره", "qatar", "doha", "wakra"],
        ["bh"] = ["البحرين", "المنامه", "المنامة", "المحرق", "bahrain", "manama", "muharraq"],
        ["om"] = ["مسقط", "صلاله", "صلالة", "صحار", "نزوى", "oman", "muscat", "salalah", "sohar", "nizwa"],
        ["eg"] = ["مصر", "القاهره", "القاهرة", "الاسكندريه", "الإسكندرية", "الجيزه", "المنصوره", "طنطا", "اسيوط", "الاقصر", "اسوان", "الغردقه",
            "egypt", "cairo", "alexandria", "giza", "mansoura", "tanta", "luxor", "aswan", "hurghada"],
        ["jo"] = ["الاردن", "الأردن", "اربد", "إربد", "الزرقاء", "العقبه", "العقبة", "السلط", "مادبا", "jordan", "amman", "irbid", "zarqa", "aqaba"],
        ["iq"] = ["العراق", "بغداد", "البصره", "البصرة", "اربيل", "أربيل", "الموصل", "النجف", "كربلاء", "السليمانيه", "كركوك", "iraq", "baghdad", "basra",
            "erbil", "mosul", "najaf", "karbala", "kirkuk"],
        ["lb"] = ["لبنان", "بيروت", "صيدا", "lebanon", "beirut"],
        ["sy"] = ["سوريا", "دمشق", "حلب", "حمص", "syria", "damascus", "aleppo", "homs"],
    };

    private static readonly Dictionary<string, string> s_countryOf = s_cities
        .SelectMany(pair => pair.Value.Select(name => (Name: Bare(TextFolding.Fold(name)), Country: pair.Key)))
        .GroupBy(x => x.Name)
        .ToDictionary(g => g.Key, g => g.First().Country, StringComparer.Ordinal);

    /// <summary>The country a place is in ("sa", "ae"…), for a folded word with or without «ال», «لل», «ل»; null when it is not listed.</summary>
    public static string? CountryOf(string foldedWord)
    {
        foreach (var form in new[] { foldedWord, Bare(foldedWord), foldedWord.StartsWith('ل') ? Bare(foldedWord[1..]) : "" })
        {
            if (form.Length >= 3 && s_countryOf.TryGetValue(form, out var country))
            {
                return country;
            }
        }

        return null;
    }

    /// <summary>The countries the places in a text are in.</summary>
    public static HashSet<string> Countries(string text) =>
        TextFolding.Tokens(TextFolding.Fold(text)).Select(CountryOf).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static string Bare(string word) =>
        word.StartsWith("لل", StringComparison.Ordinal) && word.Length >= 5 ? word[2..]
        : word.StartsWith("ال", StringComparison.Ordinal) && word.Length >= 5 ? word[2..]
        : word;
}
