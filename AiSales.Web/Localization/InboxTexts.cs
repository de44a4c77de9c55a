namespace AiSales.Web.Localization;

/// <summary>The inbox's template sender's words, the delivery ticks' titles and the disconnected channel's reason in Arabic (the rest of the inbox's are in <see cref="Texts"/>).</summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, string> InboxArabic = new()
    {
        ["Send a template"] = "أرسل قالباً",
        ["Outside the 24-hour window, only an approved template reaches the customer."] = "خارج نافذة الـ 24 ساعة، لا يصل إلى العميل إلا قالب معتمد.",
        ["Template"] = "القالب",
        ["Ask Meta for the latest templates"] = "اطلب أحدث القوالب من Meta",
        ["Your WhatsApp Business Account has no approved templates."] = "لا توجد قوالب معتمدة في حساب واتساب للأعمال.",
        ["Parameter"] = "المتغيّر",
        ["Add a parameter"] = "أضف متغيّراً",
        ["Remove the last parameter"] = "احذف آخر متغيّر",
        ["Send the template"] = "أرسل القالب",
        ["Waiting to be sent"] = "بانتظار الإرسال",
        ["Sent"] = "أُرسلت",
        ["Delivered"] = "وصلت",
        ["Read"] = "قُرئت",
        ["Not delivered"] = "لم تصل",
        ["WhatsApp / Instagram"] = "واتساب / إنستغرام",
        ["Your WhatsApp channel is disconnected, so nothing can be sent to this customer."] = "قناة واتساب منقطعة، فلا يمكن إرسال أي رسالة إلى هذا العميل.",
        ["Your Instagram channel is disconnected, so nothing can be sent to this customer."] = "قناة إنستغرام منقطعة، فلا يمكن إرسال أي رسالة إلى هذا العميل.",
        ["Reconnect it on the Channels page."] = "أعد ربطها من صفحة القنوات.",
    };
}
