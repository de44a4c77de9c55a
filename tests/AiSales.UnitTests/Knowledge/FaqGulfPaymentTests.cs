using AiSales.Core.Knowledge;

namespace AiSales.UnitTests.Knowledge;

/// <summary>KNET (Kuwait) and BenefitPay (Bahrain) are ways to pay: a question naming one finds the faq's payment entry.</summary>
public sealed class FaqGulfPaymentTests
{
    private static readonly FaqEntry Payment = new("طرق الدفع", "الدفع كي نت أو فيزا وماستركارد أونلاين، أو كاش أو كي نت عند الاستلام.");
    private static readonly FaqEntry Delivery = new("بكم التوصيل؟", "التوصيل داخل الكويت 1.500 د.ك.");
    private static readonly FaqEntry[] Faq = [Delivery, Payment];

    [Theory]
    [InlineData("تقبلون كي نت؟")]
    [InlineData("do you take knet?")]
    [InlineData("فيه بنفت؟")]
    public void AGulfWayToPayFindsThePaymentEntry(string message) =>
        Assert.Equal(Payment, FaqMatcher.Answers(Faq, message)[0].Entry);
}
