namespace AiSales.Web.Localization;

/// <summary>
/// The merchant API's problem titles and fixed details (English, from AiSales.Api), and the console's own, in Arabic:
/// an Arabic page shows them in Arabic (<see cref="Components.Shared.ProblemAlert"/>). Details that carry values (a
/// limit, a time, a sku) are matched in ProblemDetailTexts.cs.
/// </summary>
public sealed partial class Texts
{
    // The API's field messages with values in them ("must be at least 10 characters.", a template's name): the values are kept.
    private static readonly (System.Text.RegularExpressions.Regex English, string Arabic)[] FieldPatterns =
    [
        (new(@"^must be at least (\d+) characters\.$"), "يجب ألا يقل عن {0} أحرف."),
        (new(@"^must be at most (\d+) characters\.$"), "يجب ألا يزيد عن {0} حرفاً."),
        (new(@"^must be at most ([\d.]+)\.$"), "يجب ألا يزيد عن {0}."),
        (new(@"^the template takes (\d+) parameter\(s\); (\d+) given\.$"), "يأخذ القالب {0} متغيّرات؛ أُدخل {1}."),
        (new(@"^no approved template '([a-z0-9_]+)' in '([A-Za-z_]+)' in the WhatsApp Business Account \(GET /api/templates\)\.$"),
            "لا يوجد قالب معتمد باسم {0} بلغة {1} في حساب واتساب للأعمال."),
    ];

    private static readonly Dictionary<string, string> FieldArabic = new()
    {
        ["is required."] = "مطلوب.",
        ["must not contain spaces."] = "يجب ألا يحتوي على مسافات.",
        ["is not an email address."] = "ليس بريداً إلكترونياً صحيحاً.",
        ["must be zero or more."] = "يجب أن يكون صفراً أو أكثر.",
        ["must have at most 3 decimal places."] = "ثلاث خانات عشرية على الأكثر.",
        ["already has a console account."] = "لديه حساب في اللوحة مسبقاً.",
        ["is unknown, already used or expired; ask for a new invite."] = "الدعوة غير معروفة أو مستخدمة أو منتهية؛ اطلب دعوة جديدة.",
        ["must be a template name: lower-case letters, digits and underscores."] = "يجب أن يكون اسم قالب: أحرف لاتينية صغيرة وأرقام وشرطات سفلية.",
        ["must be a language code such as ar, en or en_US."] = "يجب أن يكون رمز لغة مثل ar أو en أو en_US.",
    };

    /// <summary>One of the API's messages for a field, in Arabic on an Arabic page when it is a known one.</summary>
    public string Field(string message)
    {
        if (!IsArabic)
        {
            return message;
        }

        if (FieldArabic.TryGetValue(message, out var arabic))
        {
            return arabic;
        }

        foreach (var (english, pattern) in FieldPatterns)
        {
            if (english.Match(message) is { Success: true } match)
            {
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, [.. match.Groups.Values.Skip(1).Select(g => g.Value)]);
            }
        }

        // The product messages with values an import's reason uses too ("'XXX' is not an ISO 4217 currency code.").
        return Said(ImportMessagePatterns, message) ?? message;
    }

    private static readonly Dictionary<string, string> ProblemArabic = new()
    {
        ["Sign-in failed"] = "تعذّر تسجيل الدخول",
        ["The email or password is wrong."] = "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
        ["Account locked"] = "الحساب مقفل مؤقتاً",
        ["Sign-in required"] = "يلزم تسجيل الدخول",
        ["Not allowed"] = "غير مسموح",
        ["Not found"] = "غير موجود",
        ["Conflict"] = "تعارض",
        ["Not enough stock"] = "المخزون غير كافٍ",
        ["Too many requests"] = "طلبات كثيرة جداً، حاول بعد قليل",
        ["Temporarily unavailable"] = "غير متاح مؤقتاً",
        ["The service is unavailable"] = "الخدمة غير متاحة",
        ["The AiSales API cannot be reached; try again in a moment."] = "تعذّر الوصول إلى خدمة AiSales؛ حاول بعد لحظات.",
        ["The request is not valid"] = "الطلب غير صالح",
        ["The import cannot be read"] = "تعذّرت قراءة ملف الاستيراد",
        ["Too many rows"] = "عدد الصفوف كبير جداً",
        ["Too large"] = "الحجم كبير جداً",
        ["Payload too large"] = "الحجم كبير جداً",
        ["Meta did not answer"] = "لم تستجب Meta",
        ["Meta could not verify the token"] = "تعذّر على Meta التحقق من الرمز؛ حاول بعد قليل",
        ["Channel ownership not verified"] = "لم يتم التحقق من ملكية القناة",
        ["The assistant could not answer"] = "تعذّر على المساعد الرد",
        ["No WhatsApp channel is connected; connect it with PUT /api/merchant/channels/whatsapp."] = "لا توجد قناة واتساب متصلة؛ اربطها من صفحة القنوات.",
        ["The WhatsApp channel is not connected; connect it with PUT /api/merchant/channels/whatsapp."] = "قناة واتساب غير متصلة؛ اربطها من صفحة القنوات.",
        ["The WhatsApp channel has no wabaId; set it with PUT /api/merchant/channels/whatsapp."] = "لم يُحدَّد معرّف حساب واتساب للأعمال في قناة واتساب؛ أضفه من صفحة القنوات.",
        ["The Graph API did not answer; try again shortly."] = "لم تستجب واجهة Meta؛ حاول بعد قليل.",
        ["Templates are WhatsApp messages; this conversation is not a WhatsApp one."] = "القوالب رسائل واتساب، وهذه المحادثة ليست على واتساب.",
    };
}
