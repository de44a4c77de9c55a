namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>
/// Questions about what the shop does beyond its catalogue (gift wrapping, instalments, engraving, abroad…), in every
/// dialect and English: shop questions without one of the five topics, answered from the faq or by a person, never a
/// product search.
/// </summary>
internal static class ServiceCues
{
    public static readonly IReadOnlyDictionary<Cue, string[]> Phrases = new Dictionary<Cue, string[]>
    {
        [Cue.Service] =
        [
            "تسوون", "تسون", "تعملون", "تعملوا", "بتعملوا", "بتعملو", "تديرو", "تقدمون", "تقدموا", "عندكم خدمه", "فيه خدمه", "في خدمه",
            "تغليف", "تغليف هدايا", "تغليف هديه", "تقسيط", "اقساط", "بالتقسيط", "نقش", "حفر اسم", "تطريز اسم", "خصم", "كود خصم", "كوبون",
            "تركبون", "تركبوا", "بتركبوا", "تركبونها", "تركبونه", "تصلحون", "تصلحوا", "بتصلحوا", "تصليح", "صيانه",
            "do you offer", "do you provide", "do you do", "is there a service", "gift wrap", "gift wrapping", "wrapping", "instalments",
            "installments", "engraving", "discount code", "coupon", "promo code", "do you install", "can you install", "installation service",
            "repair", "repairs", "do you repair", "do you fix", "trade in", "tradein", "trade ins",
            // A warranty is not the returns policy: answered from its own faq entry, or by a person.
            "ضمان", "الضمان", "كفالة", "الكفالة", "warranty", "guarantee",
            "discount", "discounts", "any offers", "promotion", "promotions", "عروض", "تخفيضات", "تخفيض",
            "استلم من المحل", "استلمه من المحل", "استلام من المحل", "استلام من الفرع", "pick up", "pickup", "pick it up", "collect it",
            "contact you", "how can i contact", "how do i contact", "رقمكم", "رقم المحل", "كيف اتواصل معكم",
            // Alterations and tailoring: a garment made to fit is a service, not a product ("can you shorten an abaya?").
            "تقصير", "تقصر", "تقصرون", "تقصروا", "بتقصروا", "تقصرلي", "تقصرولي", "تضييق", "تضيقون", "تضيقوا", "توسيع", "تعديل مقاس", "تعديل الطول",
            "تفصيل", "تفصلون", "تفصلوا", "بتفصلوا", "خياطه", "خياط", "shorten", "shortening", "alter", "alters", "alteration", "alterations",
            "tailor", "tailoring", "hem", "hemming", "take it in", "made to measure", "custom made", "custom size", "custom sizes",
            // Whether the goods are original: the faq's word on it, or a person; never a product search for «أصلية».
            "اصلي ولا تقليد", "اصليه ولا تقليد", "اصلي ولا لا", "اصليه ولا لا", "اصليين", "منتجاتكم اصليه", "بضاعتكم اصليه", "البضاعه اصليه",
            "المنتجات اصليه", "تقليد", "مقلد", "مقلده", "كوبي", "هاي كوبي", "products original", "products authentic", "authentic", "originals",
            "genuine products", "fake", "fakes", "counterfeit", "replica", "replicas",
            // Printing or writing names on boxes and favours: the faq's word on it, never the product the names go on.
            "تطبعون", "تطبعوا", "تطبعو", "بتطبعوا", "طباعه", "طباعة اسم", "طباعة الاسم", "تكتبون", "تكتبوا", "بتكتبوا", "تكتبون اسم", "كتابة اسم",
            "كتابة الاسم", "print", "printing", "print names", "print a name", "personalise", "personalize", "personalised", "personalized",
            "customise", "customize", "custom name", "custom names",
            // How long it keeps and how to store it: the shop's storage and shelf-life entry.
            "كم يجلس", "يجلس كم", "كم يقعد", "كم يعيش", "يخرب", "يخترب", "يتلف", "ينحفظ", "كيف احفظ", "كيف احفظه", "كيف احفظها", "طريقة الحفظ",
            "في الثلاجه", "بالثلاجه", "في الفريزر", "بالفريزر", "shelf life", "how long does it last", "how long do they last", "how long will it last",
            "how long does it keep", "how long do they keep", "how long does it stay fresh", "stay fresh", "keep fresh", "store it", "store them",
            "in the fridge", "in the freezer",
            "expiry", "expiry date", "expiration", "expiration date", "تاريخ الانتهاء", "تاريخ الصلاحيه", "الصلاحيه", "صلاحيته", "صلاحيتها",
            "تاريخ انتهاء", "تاريخ صلاحيه", "انتهاء الصلاحيه", "اكسباير", "ايمتى بيخلص", "متى ينتهي", "expire", "expires", "expired", "best before",
        ],
    };
}
