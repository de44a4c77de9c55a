namespace AiSales.Web.Localization;

/// <summary>
/// The merchant API's problem titles and fixed details (English, from AiSales.Api), and the console's own, in Arabic:
/// an Arabic page shows them in Arabic (<see cref="Components.Shared.ProblemAlert"/>). A detail that carries values (a
/// limit, a time) has no entry and is shown as the API wrote it, under its translated title.
/// </summary>
public sealed partial class Texts
{
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
    };
}
