namespace AiSales.Web.Localization;

/// <summary>The catalogue import report's words in Arabic (the rest of the catalogue's are in <see cref="Texts"/>).</summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, string> CatalogueArabic = new()
    {
        ["Before importing, this file would:"] = "قبل الاستيراد، هذا الملف سوف:",
        ["Imported:"] = "تم الاستيراد:",
        ["of them unchanged"] = "منها بلا تغيير",
        ["Before → after"] = "قبل ← بعد",
        ["→"] = "←",
        ["New"] = "جديد",
        ["Active"] = "نشط",
        ["active"] = "نشط",
        ["Changes not listed"] = "تغييرات لم تُعرض",
    };
}
