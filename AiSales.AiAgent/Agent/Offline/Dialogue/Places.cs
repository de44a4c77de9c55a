using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// The places a shop question names ("to Kuwait", «للكويت», «لإربد», «الى جدة», a capitalised name) and whether a faq entry answers for
/// them: it names them, or it covers the rest of the country («باقي المحافظات», "other emirates", "anywhere in the UAE") and the place
/// is not another country. The faq's delivery answer for Riyadh does not answer "do you ship to Kuwait?"; «لباقي المحافظات» answers
/// for «المنصورة» but not for «السعودية», nor "the rest of the Kingdom" for Dubai (<see cref="Gazetteer"/>).
/// </summary>
public static class Places
{
    // Words after "to"/«في» that name no place.
    private static readonly HashSet<string> s_common = ["the", "you", "your", "all", "any", "other", "another", "return", "pay", "get", "buy",
        "order", "change", "cancel", "know", "ask", "talk", "see", "come", "الطلب", "البيت", "المحل", "الموقع", "نفس"];

    // Delivery words after which «لـ» + a word is a destination: «التوصيل لإربد», «بتوصلوا لعمان».
    private static readonly string[] s_deliveryStems = ["توصيل", "شحن", "توصل", "يوصل", "بيوصل", "تشحن", "بتشحن", "ترسل", "deliver", "ship"];

    // «ل» words that are no place: «لون», «لما», «لازم», «لحد»…
    private static readonly HashSet<string> s_notPlaces = new(new[]
    {
        "لون", "لونه", "لونها", "لما", "لازم", "لحد", "لغايه", "لين", "ليش", "لسه", "لسا", "لان", "لانه", "لكل", "لكم", "لكن", "لنا", "لهم", "لها",
        "لحظه", "لوحده", "لبيتي", "لعندي", "لعندك", "لعنواني", "لاي", "لأي", "لمين", "لمده", "لقدام", "لبكره", "لبكرا", "لاخر", "لباب",
    }.Select(TextFolding.Fold), StringComparer.Ordinal);

    // An entry that covers every place of its country but those it names.
    private static readonly HashSet<string> s_rest = new(new[] { "باقي", "لباقي", "وباقي", "بقيه", "لبقيه", "كافه", "جميع", "المحافظات", "للمحافظات", "وللمحافظات", "والمحافظات",
        "محافظات", "لمحافظات", "المدن", "المناطق", "غيرها", "other", "anywhere", "across", "every", "كل", "لكل", "بكل" }.Select(TextFolding.Fold), StringComparer.Ordinal);

    private static readonly HashSet<string> s_countries = new(new[]
    {
        "السعوديه", "سعوديه", "المملكه", "الكويت", "كويت", "الامارات", "امارات", "قطر", "البحرين", "بحرين", "مصر", "الاردن", "اردن", "لبنان",
        "سوريا", "سوريه", "العراق", "عراق", "فلسطين", "ليبيا", "تونس", "الجزائر", "جزائر", "المغرب", "مغرب", "السودان", "سودان", "اليمن", "يمن",
        "تركيا", "امريكا", "اوروبا", "بريطانيا", "المانيا", "فرنسا", "كندا", "الخارج", "خارج", "برا", "بره", "abroad", "international",
        "internationally", "outside", "overseas", "saudi", "ksa", "kuwait", "uae", "emirates", "qatar", "bahrain", "oman", "egypt", "jordan",
        "lebanon", "syria", "iraq", "palestine", "libya", "tunisia", "algeria", "morocco", "sudan", "yemen", "turkey", "usa", "america", "uk",
        "europe", "germany", "france", "canada",
    }.Select(TextFolding.Fold), StringComparer.Ordinal);

    /// <summary>True when the entry answers for every place the customer named (none named: true).</summary>
    public static bool Covered(string entryText, string customerText)
    {
        var entry = $" {TextFolding.Fold(entryText)} ";
        var rest = TextFolding.Tokens(entry.Trim()).Any(s_rest.Contains);
        var countries = Gazetteer.Countries(entryText);
        // "the rest of the Kingdom" in an entry about Jeddah and Makkah is no answer for Dubai: a city of another country than the entry's.
        bool Elsewhere(string place) => Gazetteer.CountryOf(place) is { } country && countries.Count > 0 && !countries.Contains(country);
        return Named(customerText).All(w => entry.Contains(w, StringComparison.Ordinal)
            || rest && !s_countries.Contains(w) && !Abroad(customerText) && !Elsewhere(w));
    }

    /// <summary>True when the customer named a place and the entry names it too (not only "the rest of the country").</summary>
    public static bool Names(string entryText, string customerText)
    {
        var entry = $" {TextFolding.Fold(entryText)} ";
        var named = Named(customerText).ToList();
        return named.Count > 0 && named.All(w => entry.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The places a message names, folded, without «ال»/«لل»/«ل».</summary>
    public static IEnumerable<string> Named(string text)
    {
        var words = text.Split([' ', '\n', '?', '؟', ',', '،', '.', '!'], StringSplitOptions.RemoveEmptyEntries);
        var afterDelivery = false;
        for (var i = 0; i < words.Length; i++)
        {
            var folded = TextFolding.Fold(words[i]);
            var afterTo = i > 0 && TextFolding.Fold(words[i - 1]) is "to" or "الى" or "الي" or "in" or "في" or "inside" or "within" or "داخل" or "وداخل"
                or "جوا" or "جوه";
            if (folded.Length >= 5 && folded.StartsWith("لل", StringComparison.Ordinal))
            {
                yield return folded[2..];
            }
            else if (afterDelivery && folded.Length >= 4 && folded[0] == 'ل' && TextFolding.IsArabicScript(folded) && !s_notPlaces.Contains(folded))
            {
                yield return folded[1..];
            }
            else if (folded.Length >= 3 && (afterTo && !s_common.Contains(folded) || i > 0 && char.IsUpper(words[i][0]) && words[i] != "I"
                || Gazetteer.CountryOf(folded) is not null))
            {
                // «توصلون دبي؟»: a known city or country is a place wherever it stands.
                yield return folded.StartsWith("ال", StringComparison.Ordinal) && folded.Length >= 5 ? folded[2..] : folded;
            }

            afterDelivery |= s_deliveryStems.Any(s => folded.Contains(s, StringComparison.Ordinal));
        }
    }

    // «برا مصر», "outside Jordan", "abroad": a question about another country, whatever place it names.
    private static bool Abroad(string customerText) =>
        TextFolding.Tokens(TextFolding.Fold(customerText)).Any(w => w is "برا" or "بره" or "خارج" or "الخارج" or "abroad" or "outside" or "overseas"
            or "international" or "internationally");
}
