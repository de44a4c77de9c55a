namespace AiSales.Web.Localization;

/// <summary>The invite page's words for a link that can no longer be used, in Arabic (the rest of the account pages' are in <see cref="Texts"/>).</summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, string> AccountArabic = new()
    {
        ["This invitation can no longer be used"] = "لم يعد بالإمكان استخدام هذه الدعوة",
        ["It has already been used, or it has expired."] = "فقد استُخدمت من قبل أو انتهت صلاحيتها.",
        ["If you set your password with it, sign in. If not, ask for a new invitation: from your shop's owner, or from the AiSales operator if you are the owner."] =
            "إن كنت قد عيّنت كلمة المرور بها فسجّل الدخول. وإلا فاطلب دعوة جديدة: من مالك المتجر، أو من مشغّل AiSales إن كنت أنت المالك.",
    };
}
