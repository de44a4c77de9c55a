using AiSales.Web.Localization;

namespace AiSales.UnitTests.Console;

/// <summary>The API's field messages on an Arabic page: known ones in Arabic (numbers kept), anything else as the API wrote it.</summary>
public sealed class FieldMessageTests
{
    [Theory]
    [InlineData("is required.", "مطلوب.")]
    [InlineData("must be at least 10 characters.", "يجب ألا يقل عن 10 أحرف.")]
    [InlineData("must be at most 200 characters.", "يجب ألا يزيد عن 200 حرفاً.")]
    [InlineData("must be at most 99999999999.999.", "يجب ألا يزيد عن 99999999999.999.")]
    [InlineData("the template takes 2 parameter(s); 1 given.", "يأخذ القالب 2 متغيّرات؛ أُدخل 1.")]
    [InlineData("no approved template 'order_update' in 'en_US' in the WhatsApp Business Account (GET /api/templates).",
        "لا يوجد قالب معتمد باسم order_update بلغة en_US في حساب واتساب للأعمال.")]
    [InlineData("'XXX' is not an ISO 4217 currency code.", "«XXX» ليس رمز عملة ISO 4217.")]
    [InlineData("is required (an ISO 4217 code such as SAR, AED or USD).", "مطلوب (رمز ISO 4217 مثل SAR أو AED أو USD).")]
    [InlineData("must be whatsapp or instagram.", "must be whatsapp or instagram.")]
    public void AnArabicPageSaysTheKnownOnesInArabic(string english, string shown)
    {
        Assert.Equal(shown, UiCulture.In("ar", () => new Texts().Field(english)));
        Assert.Equal(english, UiCulture.In("en", () => new Texts().Field(english)));
    }
}
