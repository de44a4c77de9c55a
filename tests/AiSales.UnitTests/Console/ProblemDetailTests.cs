using AiSales.Web.Localization;

namespace AiSales.UnitTests.Console;

/// <summary>
/// The API's problem details a console page shows (under a translated title): on an Arabic page in Arabic, values kept;
/// on an English page as the API wrote them. Found by a black-box run: the lockout, a duplicate sku, the last key and a
/// refused channel token read in English on the Arabic console.
/// </summary>
public sealed class ProblemDetailTests
{
    [Theory]
    [InlineData("After 5 failed sign-ins this account is locked for 15 minutes; try again later.",
        "بعد 5 محاولات دخول فاشلة يُقفل الحساب 15 دقيقة؛ حاول لاحقاً.")]
    [InlineData("A product with sku 'BAG-WHT' already exists.", "يوجد منتج بالرمز BAG-WHT مسبقاً.")]
    [InlineData("This is the merchant's last active API key; create another key before revoking it.",
        "هذا آخر مفتاح فعّال للمتجر؛ أنشئ مفتاحاً آخر قبل إلغائه.")]
    [InlineData("The token does not own this instagram account id. Nothing was stored.",
        "الرمز لا يملك معرّف حساب إنستغرام هذا. لم يُحفظ شيء.")]
    [InlineData("Meta rejected the token: Invalid OAuth access token (code 190). Nothing was stored.",
        "رفضت Meta الرمز: Invalid OAuth access token (code 190). لم يُحفظ شيء.")]
    [InlineData("Meta rejected the token (HTTP 401). Nothing was stored.", "رفضت Meta الرمز. لم يُحفظ شيء.")]
    [InlineData("This whatsapp account id is already connected to another merchant.", "معرّف حساب واتساب هذا مربوط بمتجر آخر.")]
    [InlineData("An order cannot move from cancelled to fulfilled. Allowed: draft→confirmed→fulfilled, draft|confirmed→cancelled.",
        "لا يمكن نقل الطلب من «ملغي» إلى «تم التسليم».")]
    [InlineData("The order cannot be confirmed: حقيبة (BAG-1) is out of stock; the order asks for 2. Only 1 of White bag (BAG-2) left; the order asks for 3.",
        "لا يمكن تأكيد الطلب: نفد حقيبة (BAG-1)، والطلب يريد 2. بقي 1 فقط من White bag (BAG-2)، والطلب يريد 3.")]
    [InlineData("A signed-in person is limited to 600 requests per 60 s; retry after 12 s.",
        "الحد 600 طلباً كل 60 ثانية؛ أعد المحاولة بعد 12 ثانية.")]
    [InlineData("No order with id 00000000-0000-0000-0000-000000000001 exists for this merchant.",
        "لا يوجد طلب بالمعرّف 00000000-0000-0000-0000-000000000001 لدى هذا المتجر.")]
    [InlineData("Graph API error 190: Error validating access token: Session has expired",
        "رفضت Meta رمز الوصول (الخطأ 190): Error validating access token: Session has expired أعد الربط برمز جديد.")]
    [InlineData("The email or password is wrong.", "البريد الإلكتروني أو كلمة المرور غير صحيحة.")]
    [InlineData("Something the console has never heard of.", "Something the console has never heard of.")]
    public void AnArabicPageSaysTheDetailInArabicWithItsValues(string english, string shown)
    {
        Assert.Equal(shown, UiCulture.In("ar", () => new Texts().Detail(english)));
        Assert.Equal(english, UiCulture.In("en", () => new Texts().Detail(english)));
    }

    [Fact]
    public void TheApisDatabaseOutageIsArabic()
    {
        // The API's own sentence (a 503 while PostgreSQL cannot be reached), so a change of wording there fails here.
        Assert.Equal("تعذّر الوصول إلى قاعدة البيانات الآن. حاول بعد ثوانٍ.",
            UiCulture.In("ar", () => new Texts().Detail(AiSales.Api.Infrastructure.ErrorHandling.DatabaseUnavailable)));
    }

    [Fact]
    public void TheDuplicateEmailFieldMessageIsArabic()
    {
        Assert.Equal("لديه حساب في اللوحة مسبقاً.", UiCulture.In("ar", () => new Texts().Field("already has a console account.")));
    }
}
