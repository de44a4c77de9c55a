namespace AiSales.Core.Knowledge;

/// <summary>The subjects a shop's faq covers (contract §7), and two aspects (cost, time) that tell apart entries of one subject.</summary>
public static class FaqTopics
{
    public static readonly FaqTopic Delivery = new("delivery",
        [
            "توصيل", "التوصيل", "شحن", "الشحن", "شحنه", "يوصل", "توصل", "توصلون", "يوصلون", "نوصل", "وصول", "يوصلني", "توصلوا",
            "يشحن", "تشحنون", "مندوب", "ارامكس", "سمسا", "دليفري", "ديليفري", "توصيله", "بتوصل", "بيوصل", "بتشحن", "بيشحن",
            "delivery", "deliver", "delivered", "delivering", "shipping", "ship", "ships", "shipped", "shipment", "courier", "postage", "arrive", "arrives", "arrival",
        ],
        []);

    public static readonly FaqTopic Returns = new("returns",
        [
            "ارجاع", "استرجاع", "استبدال", "ترجيع", "رجع", "ارجع", "يرجع", "ترجع", "نرجع", "ارجعه", "مرتجع", "مرتجعات", "استرداد",
            "ابدل", "ابدله", "تبديل", "بدل", "تبدلون", "يتبدل", "استرجع",
            "return", "returns", "returning", "returned", "refund", "refunds", "refunded", "exchange", "exchanges", "exchanged",
            "send back", "send it back", "money back", "swap",
        ],
        []);

    public static readonly FaqTopic Payment = new("payment",
        [
            "دفع", "الدفع", "ادفع", "يدفع", "تدفع", "ندفع", "كاش", "نقد", "نقدا", "نقدي", "كاش عند الاستلام", "عند الاستلام",
            "مدى", "فيزا", "ماستركارد", "ماستر كارد", "بطاقه", "بطاقة", "ابل باي", "تابي", "تمارا", "تقسيط", "تحويل بنكي", "سداد",
            "كي نت", "كينت", "بنفت",
            "pay", "paying", "paid", "payment", "payments", "cod", "cash on delivery", "cash", "card", "cards", "credit card",
            "visa", "mastercard", "mada", "apple pay", "tabby", "tamara", "installments", "instalments", "bank transfer", "knet", "benefit pay",
        ],
        []);

    public static readonly FaqTopic Hours = new("hours",
        [
            "دوام", "الدوام", "ساعات", "ساعات العمل", "اوقات العمل", "اوقات", "مواعيد", "تفتحون", "تفتح", "يفتح", "فاتحين", "فاتح",
            "بتفتح", "بيفتح", "بتقفل", "بيقفل", "بتسكر", "بيسكر", "مفتوح", "مفتوحين", "تسكرون", "تسكر", "يسكر", "مسكرين", "مسكر", "تقفلون", "تقفل", "يقفل", "تغلقون", "مغلق", "تشتغلون",
            "open", "opens", "opening", "opened", "close", "closes", "closing", "closed", "hours", "working hours", "opening hours",
            "what time",
        ],
        []);

    public static readonly FaqTopic Location = new("location",
        [
            "موقع", "موقعكم", "مكان", "مكانكم", "فرع", "فروع", "فرعكم", "عنوان", "عنوانكم", "وينكم", "وين انتم", "وين مكانكم", "لوكيشن",
            "خريطه", "قوقل ماب", "زياره", "ازوركم", "زيارتكم", "محل", "محلكم", "معرض", "معرضكم",
            "location", "located", "locations", "address", "branch", "branches", "where are you", "where is your", "map", "maps",
            "visit you", "visit your", "directions",
        ],
        ["وين", "فين", "اين", "متجر", "where", "store", "shop", "showroom", "physical"]);

    /// <summary>Whether the goods are original («أصلية ولا تقليد؟», "are they authentic?"), asked of every shop that sells brands.</summary>
    public static readonly FaqTopic Authenticity = new("authenticity",
        [
            "اصلي", "اصليه", "اصليين", "اصلية", "تقليد", "مقلد", "مقلده", "كوبي", "اوريجينال", "اورجينال", "وكيل", "الوكيل", "وكلاء", "الوكلاء",
            "original", "originals", "authentic", "genuine", "fake", "fakes", "counterfeit", "replica", "replicas", "distributor", "distributors",
        ],
        []);

    /// <summary>Names, dates or a logo printed or written on boxes and favours («تكتبون الاسم على العلب؟», "do you print names?").</summary>
    public static readonly FaqTopic Printing = new("printing",
        [
            "طباعه", "طباعة", "نطبع", "تطبعون", "تطبعوا", "يطبع", "مطبوع", "مطبوعه", "تكتبون", "تكتبوا", "بتكتبوا", "كتابة الاسم", "كتابة اسم",
            "print", "prints", "printing", "printed", "personalise", "personalize", "personalised", "personalized", "custom name", "custom names",
        ],
        []);

    /// <summary>How long goods keep and how to store them («التمر كم يجلس؟ احطه في الثلاجة؟», "shelf life", "keep it in the fridge?").</summary>
    public static readonly FaqTopic Storage = new("storage",
        [
            "حفظ", "احفظ", "احفظه", "احفظها", "يحفظ", "ينحفظ", "نحفظ", "تخزين", "كم يجلس", "يجلس كم", "كم يقعد", "يخرب", "يتلف", "ثلاجه", "فريزر",
            "shelf life", "storage", "store it", "store them", "fridge", "freezer", "refrigerate", "how long does it last", "how long does it keep",
        ],
        []);

    /// <summary>The subjects, in the order ties are broken.</summary>
    public static readonly IReadOnlyList<FaqTopic> Subjects = [Delivery, Returns, Payment, Hours, Location, Authenticity, Printing, Storage];

    /// <summary>What is asked about a subject: its cost, or its time. Only ever a tie-breaker between entries of one subject.</summary>
    public static readonly IReadOnlyList<FaqTopic> Aspects =
    [
        new("cost",
            [
                "بكم", "بكام", "قديش", "شكد", "سعر", "رسوم", "تكلفه", "قيمه", "مجاني", "مجانا", "ببلاش", "فلوس", "ريال",
                "how much", "fee", "fees", "cost", "costs", "price", "charge", "charges", "free", "sar", "riyal",
            ],
            []),
        new("time",
            [
                "متى", "امتى", "مده", "ياخذ", "تاخذ", "ياخد", "بياخد", "تاخد", "يوم", "ايام", "ساعه", "اسبوع", "سريع", "بكره", "اليوم", "نفس اليوم", "كم يوم",
                "how long", "how many days", "days", "day", "when", "time", "fast", "quick", "tomorrow", "same day", "week",
            ],
            []),
    ];
}
