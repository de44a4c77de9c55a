using AiSales.Core.Knowledge;

namespace AiSales.UnitTests.Knowledge;

/// <summary>Whether the goods are original is a subject of its own: asked in any words, the entry that says so answers.</summary>
public sealed class FaqAuthenticityTests
{
    private static readonly FaqEntry OriginalAr = new("المنتجات أصلية؟", "كل منتجاتنا أصلية 100% ومستوردة من الوكلاء المعتمدين.");
    private static readonly FaqEntry OriginalEn = new("Are your products original?", "All our products are 100% original, from the authorised distributors.");
    private static readonly FaqEntry Delivery = new("قديش التوصيل؟", "التوصيل داخل عمّان بـ 2 دينار.");
    private static readonly FaqEntry[] Faq = [Delivery, OriginalAr, OriginalEn];

    [Theory]
    [InlineData("المنتجات عندكم أصلية ولا تقليد؟")]
    [InlineData("البضاعة اصلية؟")]
    [InlineData("are these authentic or fake?")]
    [InlineData("is everything original?")]
    public void TheEntryOnOriginalGoodsAnswers(string message)
    {
        var answers = FaqMatcher.Answers(Faq, message);

        Assert.NotEmpty(answers);
        Assert.Contains(answers[0].Entry, new[] { OriginalAr, OriginalEn });
    }

    [Fact]
    public void ADeliveryQuestionIsNotAboutOriginalGoods()
    {
        Assert.Equal(Delivery, FaqMatcher.Answers(Faq, "قديش التوصيل لإربد؟")[0].Entry);
    }
}
