using AiSales.Web.Localization;

namespace AiSales.UnitTests.Console;

/// <summary>
/// A rejected import row's reason on an Arabic catalogue page: each field's sentence in Arabic, values kept (a black-box
/// run saw "name is required. currency 'XXX' is not an ISO 4217 currency code. …" in English on the Arabic page).
/// </summary>
public sealed class ImportReasonTests
{
    [Theory]
    [InlineData("name is required. currency 'XXX' is not an ISO 4217 currency code. price 'abc' is not a number (use a dot for decimals, e.g. 149.500). stock must be zero or more.",
        "الاسم: مطلوب. العملة: «XXX» ليس رمز عملة ISO 4217. السعر: «abc» ليس رقماً (استخدم النقطة للكسور، مثل 149.500). المخزون: يجب أن يكون صفراً أو أكثر.")]
    [InlineData("sku 'BAG-1' already appears in row 2 of this import.", "الرمز (SKU): «BAG-1» موجود في الصف 2 من هذا الملف.")]
    [InlineData("stock '2.5' is not a whole number. name must be at most 300 characters.",
        "المخزون: «2.5» ليس عدداً صحيحاً. الاسم: يجب ألا يزيد عن 300 حرفاً.")]
    [InlineData("currency is required (an ISO 4217 code such as SAR, AED or USD).", "العملة: مطلوب (رمز ISO 4217 مثل SAR أو AED أو USD).")]
    [InlineData("name something the console does not know.", "name something the console does not know.")]
    [InlineData("A reason of another shape.", "A reason of another shape.")]
    public void AnArabicPageSaysEachFieldsReasonInArabic(string english, string shown)
    {
        Assert.Equal(shown, UiCulture.In("ar", () => new Texts().ImportReason(english)));
        Assert.Equal(english, UiCulture.In("en", () => new Texts().ImportReason(english)));
    }
}
