using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// What a shop question asks beyond its topic. «كم يوم يوصل لأربيل؟» asks when, so the entry about delivery times answers it even
/// when the entry about fees is the one that names Erbil; «عدكم تقسيط؟» names a way to pay, so an entry about paying that never
/// mentions instalments does not answer it, nor does an entry about delivery a question about fitting what is delivered (what the faq does
/// not say is not invented).
/// </summary>
public static class FaqAspects
{
    private static readonly HashSet<string> s_when = Set(["يوم", "ايام", "متى", "امتى", "شوكت", "مده", "وقت", "ساعه", "ساعات", "long", "when",
        "days", "day", "hours", "time"]);

    // Ways to pay that are not cash or a card: each group is one way, in the words customers and merchants write it.
    private static readonly string[][] s_methods =
    [
        ["تقسيط", "بالتقسيط", "اقساط", "installments", "instalments", "installment", "instalment"],
        ["تابي", "tabby"],
        ["تمارا", "tamara"],
        ["paypal", "بايبال"],
    ];

    // Services beyond the five topics: "do you install the car seat when you deliver it?" asks about fitting, which an entry about
    // delivery that never mentions it does not answer.
    private static readonly string[][] s_services =
    [
        ["تركيب", "تركيبه", "تركيبها", "تركب", "تركبون", "تركبوا", "تركبونه", "تركبونها", "يركب", "يركبون", "نركب", "نركبه", "نركبها", "تجميع",
            "install", "installs", "installed", "installing", "installation", "assemble", "assembly", "assembled"],
        ["تغليف", "تغلفون", "تغلفوا", "نغلف", "يتغلف", "مغلف", "wrap", "wrapping", "wrapped", "giftwrap"],
        ["نقش", "حفر", "engrave", "engraving", "engraved"],
        ["تصليح", "تصلحون", "تصلحوا", "صيانه", "repair", "repairs"],
        ["تقصير", "تفصيل", "خياطه", "alter", "alteration", "alterations", "tailor", "tailoring", "hem", "hemming"],
        ["ضمان", "كفاله", "warranty", "guarantee", "guaranteed"],
        ["خصم", "خصومات", "تخفيض", "تخفيضات", "كوبون", "discount", "discounts", "coupon", "promo"],
        ["طباعه", "طبع", "نطبع", "تطبعون", "تطبعوا", "يطبع", "مطبوع", "تكتبون", "تكتبوا", "نكتب", "كتابه", "print", "printing", "printed",
            "personalise", "personalize", "personalised", "personalized", "customise", "customize"],
        ["استلم", "استلام", "تستلم", "نستلم", "استلمه", "استلمها", "pickup", "pick", "collect", "collection"],
        ["يجلس", "يقعد", "يخرب", "يتلف", "حفظ", "احفظ", "يحفظ", "ينحفظ", "ثلاجه", "فريزر", "تخزين", "صلاحيه", "shelf", "store", "storage",
            "fridge", "freezer"],
    ];

    /// <summary>True when the text asks (or an entry tells) how long or when: days, hours, "how long".</summary>
    public static bool AboutWhen(string text) => Words(text).Any(s_when.Contains);

    /// <summary>True unless the customer named a way to pay, or a service (fitting, gift wrapping, a warranty…), that the entry never mentions.</summary>
    public static bool Covers(string entryText, string customerText)
    {
        var entry = Words(entryText).ToHashSet(StringComparer.Ordinal);
        var asked = Words(customerText).ToHashSet(StringComparer.Ordinal);
        return s_methods.Concat(s_services).Where(group => group.Any(asked.Contains)).All(group => group.Any(entry.Contains));
    }

    /// <summary>True when the customer named a service (printing, pickup, storage…) that the entry mentions: «الاستلام من المحل» answers a
    /// question about collecting an order even though it also says "no delivery fee".</summary>
    public static bool NamesService(string entryText, string customerText)
    {
        var entry = Words(entryText).ToHashSet(StringComparer.Ordinal);
        var asked = Words(customerText).ToHashSet(StringComparer.Ordinal);
        return s_services.Any(group => group.Any(asked.Contains) && group.Any(entry.Contains));
    }

    private static IEnumerable<string> Words(string text) => TextFolding.Tokens(TextFolding.Fold(text)).Select(ArabicWord.StripArticle);

    private static HashSet<string> Set(string[] words) => words.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
}
