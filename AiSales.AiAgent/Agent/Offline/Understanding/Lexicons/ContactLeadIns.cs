namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>The field a lead-in introduces; weak lead-ins ("انا", "I'm", "deliver to") count only when that field was asked for.</summary>
internal enum ContactField { Name, Address, Phone, WeakName, WeakAddress }

/// <summary>Words customers put before their name, address and phone ("اسمي", "العنوان:", "رقم جوالي", "my name is", "ismi", "3nwani").</summary>
internal static class ContactLeadIns
{
    public static readonly IReadOnlyDictionary<ContactField, string[]> Phrases = new Dictionary<ContactField, string[]>
    {
        [ContactField.Name] = ["اسمي", "الاسم", "اسم", "الإسم", "الاسم الكامل", "الاسم الكريم", "الاسم بالكامل", "اسمي الكامل", "اسمي هو", "الاسم هو",
            "باسم", "بإسم", "على اسم", "سجله باسم", "سميتي", "سميتي هي", "اسمي يا", "my name is", "my name", "name", "name is", "full name", "my full name is",
            "the name is", "under the name", "my name's", "name's", "ismi", "esmi", "ism", "esm"],
        [ContactField.WeakName] = ["انا", "أنا", "معك", "معاك", "وياك", "i am", "im", "this is", "its", "it's for", "it is for", "this is for", "ana"],
        [ContactField.Address] = ["العنوان", "عنواني", "عنوان", "العنوان هو", "عنواني هو", "عنوان التوصيل", "عنوان الشحن", "ساكن في", "ساكنه في",
            "ساكن ب", "اسكن في", "اسكن ب", "موقعي", "my address is", "my address", "address", "address is", "delivery address", "shipping address", "i live in", "i live at", "3nwan", "3nwani", "3enwani", "el3nwan", "al3nwan"],
        [ContactField.WeakAddress] = ["انا في", "بيتي في", "بيتنا في", "شقتي في", "my house is in", "my home is in", "التوصيل على", "التوصيل الى", "وصلوه على", "وصلوه الى", "وصله على", "ارسلوه على", "deliver to", "ship to",
            "send it to", "to"],
        [ContactField.Phone] = ["رقمي", "رقم جوالي", "رقم الجوال", "الجوال", "جوالي", "جوال", "رقم التلفون", "رقم تلفوني", "تلفوني", "التلفون",
            "رقم الهاتف", "رقم هاتفي", "هاتفي", "الهاتف", "موبايلي", "رقم الموبايل", "الموبايل", "واتسابي", "رقم الواتس", "الواتس", "رقم التواصل",
            "تواصل على", "نمرتي", "الرقم", "رقم", "my number is", "my number", "number", "phone", "phone number", "my phone", "my phone number",
            "mobile", "mobile number", "my mobile", "contact number", "whatsapp", "tel", "raqmi", "ra8mi", "rqmi", "jawali"],
    };

    /// <summary>
    /// Lead-ins that are only a noun ("الاسم", "العنوان", "name"): "ابي اعرف اسم العطر" is not a name, so these count only at the start of
    /// a line, before a colon, or when a detail was asked for.
    /// </summary>
    public static readonly IReadOnlySet<string> BareNouns = new HashSet<string>(
        new[] { "الاسم", "اسم", "الإسم", "name", "العنوان", "عنوان", "address", "ism", "esm", "3nwan" }.Select(TextFolding.Fold), StringComparer.Ordinal);

    /// <summary>Words before a bare noun that make it a new detail: "ابغى اغير العنوان الى جدة".</summary>
    public static readonly IReadOnlySet<string> ChangeBefore = new HashSet<string>(
        new[] { "اغير", "أغير", "تغيير", "غيرو", "عدلو", "اعدل", "تعديل", "change", "update", "edit", "new", "correct" }.Select(TextFolding.Fold),
        StringComparer.Ordinal);

    /// <summary>Words just before a lead-in that make it a question about the shop ("وين العنوان", "what's your number").</summary>
    public static readonly IReadOnlySet<string> QuestionBefore = new HashSet<string>(
        ["وين", "فين", "اين", "وش", "ايش", "شو", "شنو", "ما", "ماهو", "what", "whats", "where", "your", "ur", "عطني", "ارسل", "send", "give"],
        StringComparer.Ordinal);
}
