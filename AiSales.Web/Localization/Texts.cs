using System.Globalization;

namespace AiSales.Web.Localization;

/// <summary>
/// The console's words in Arabic and English. The English text is the key; Arabic is looked up when the request's
/// UI culture is Arabic (chosen with /culture/ar and remembered in a cookie). A missing entry shows the English.
/// </summary>
public sealed class Texts
{
    public static readonly string[] Cultures = ["en", "ar"];

    private static readonly Dictionary<string, string> Arabic = new()
    {
        ["Sign in"] = "تسجيل الدخول",
        ["Sign out"] = "تسجيل الخروج",
        ["Email"] = "البريد الإلكتروني",
        ["Password"] = "كلمة المرور",
        ["Set your password"] = "عيّن كلمة المرور",
        ["Set password"] = "حفظ كلمة المرور",
        ["At least 10 characters."] = "عشرة أحرف على الأقل.",
        ["Your password is set. Sign in to continue."] = "تم حفظ كلمة المرور. سجّل الدخول للمتابعة.",
        ["Your session has ended. Sign in again."] = "انتهت جلستك. سجّل الدخول مرة أخرى.",
        ["Merchant console"] = "لوحة التاجر",
        ["Overview"] = "نظرة عامة",
        ["Inbox"] = "صندوق الوارد",
        ["Orders"] = "الطلبات",
        ["Catalogue"] = "الكتالوج",
        ["Assistant"] = "المساعد",
        ["People"] = "الفريق",
        ["Page not found"] = "الصفحة غير موجودة",
        ["Welcome"] = "أهلاً",
        ["Signed in as"] = "مسجّل الدخول باسم",
        ["owner"] = "مالك",
        ["staff"] = "موظف",
        ["Conversations"] = "المحادثات",
        ["All"] = "الكل",
        ["AI"] = "الذكاء الاصطناعي",
        ["Person"] = "موظف",
        ["Take over"] = "تولَّ المحادثة",
        ["Give back to AI"] = "أعدها للذكاء الاصطناعي",
        ["Reply"] = "رد",
        ["Send"] = "إرسال",
        ["No conversations yet."] = "لا توجد محادثات بعد.",
        ["Choose a conversation."] = "اختر محادثة.",
        ["Back"] = "رجوع",
        ["The AI is answering. Take over to reply yourself."] = "الذكاء الاصطناعي يرد الآن. تولَّ المحادثة لترد بنفسك.",
        ["The 24-hour window is closed: the customer must write first."] = "انتهت نافذة الـ 24 ساعة: يجب أن يكتب العميل أولاً.",
        ["Replies are free-form for 24 hours after the customer's last message."] = "يمكن الرد بحرية خلال 24 ساعة من آخر رسالة للعميل.",
        ["Live"] = "مباشر",
        ["Unanswered"] = "بلا رد",
        ["Search customer"] = "ابحث عن عميل",
        ["Status"] = "الحالة",
        ["No orders yet."] = "لا توجد طلبات بعد.",
        ["Export CSV"] = "تصدير CSV",
        ["draft"] = "مسودة",
        ["confirmed"] = "مؤكد",
        ["fulfilled"] = "تم التسليم",
        ["cancelled"] = "ملغي",
        ["Customer"] = "العميل",
        ["Address"] = "العنوان",
        ["Conversation"] = "المحادثة",
        ["Open"] = "فتح",
        ["Total"] = "الإجمالي",
        ["Confirm"] = "تأكيد",
        ["Mark fulfilled"] = "تم التسليم",
        ["Cancel order"] = "إلغاء الطلب",
        ["Search products"] = "ابحث عن منتج",
        ["No products."] = "لا توجد منتجات.",
        ["Name"] = "الاسم",
        ["Price"] = "السعر",
        ["Stock"] = "المخزون",
        ["Import a CSV file"] = "استيراد ملف CSV",
        ["New product"] = "منتج جديد",
        ["Edit product"] = "تعديل المنتج",
        ["Description"] = "الوصف",
        ["Currency"] = "العملة",
        ["Active: the AI offers it"] = "نشط: يعرضه الذكاء الاصطناعي",
        ["Cancel"] = "إلغاء",
        ["Edit"] = "تعديل",
        ["Deactivate"] = "إيقاف",
        ["Activate"] = "تفعيل",
        ["inactive"] = "موقوف",
        ["Import"] = "استيراد",
        ["Rows"] = "الصفوف",
        ["Created"] = "أُضيف",
        ["Updated"] = "حُدّث",
        ["Rejected"] = "مرفوض",
        ["Row"] = "الصف",
        ["Reason"] = "السبب",
        ["The file is too large."] = "الملف كبير جداً.",
        ["The AI answers customers"] = "الذكاء الاصطناعي يرد على العملاء",
        ["Assistant's name"] = "اسم المساعد",
        ["Language"] = "اللغة",
        ["The customer's language"] = "لغة العميل",
        ["Greeting"] = "التحية",
        ["Persona"] = "الشخصية",
        ["Handoff keywords (one per line)"] = "كلمات التحويل لموظف (كلمة في كل سطر)",
        ["Saved."] = "تم الحفظ.",
        ["Save"] = "حفظ",
        ["Last 7 days"] = "آخر 7 أيام",
        ["Last 30 days"] = "آخر 30 يوماً",
        ["Answered by the AI"] = "ردود الذكاء الاصطناعي",
        ["Handoffs"] = "التحويلات لموظف",
        ["DM → order"] = "من رسالة إلى طلب",
        ["Revenue"] = "الإيرادات",
        ["Median first response"] = "وسيط زمن أول رد",
        ["Conversations and orders per day"] = "المحادثات والطلبات يومياً",
        ["invited"] = "مدعو",
        ["Remove"] = "إزالة",
        ["Invite a person"] = "ادعُ شخصاً",
        ["Role"] = "الدور",
        ["Invite"] = "دعوة",
        ["Send this one-time link; it works until"] = "أرسل هذا الرابط (صالح لمرة واحدة) حتى",
    };

    public string this[string english] =>
        IsArabic && Arabic.TryGetValue(english, out var arabic) ? arabic : english;

    public static bool IsArabic => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";

    public static string Direction => IsArabic ? "rtl" : "ltr";

    public static string Language => IsArabic ? "ar" : "en";
}
