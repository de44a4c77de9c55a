using AiSales.Core.Knowledge;
using AiSales.MetaSimulator.Demo;

namespace AiSales.UnitTests.Knowledge;

/// <summary>The demo shop's faq answers the shop questions a visitor of the simulator is likely to type.</summary>
public sealed class DemoFaqTests
{
    private static readonly FaqEntry[] Faq = [.. DemoFaq.Entries.Select(e => new FaqEntry(e.Question, e.Answer))];

    [Theory]
    [InlineData("كم ياخذ التوصيل للرياض؟", "توصيل", "Delivery")]
    [InlineData("بكم الشحن لجدة؟", "توصيل", "Delivery")]
    [InlineData("How much is shipping to Jeddah?", "توصيل", "Delivery")]
    [InlineData("أقدر أرجع العباية إذا ما ناسبتني؟", "استرجاع", "returns")]
    [InlineData("can I exchange the size?", "استرجاع", "returns")]
    [InlineData("can I pay cash on delivery?", "الدفع عند الاستلام", "Cash on delivery")]
    [InlineData("فيه دفع عند الاستلام؟", "الدفع عند الاستلام", "Cash on delivery")]
    [InlineData("تقبلون تابي؟", "تابي", "Tabby")]
    [InlineData("متى تفتحون؟", "السبت", "Saturday")]
    [InlineData("are you open on Friday?", "السبت", "Saturday")]
    [InlineData("وين محلكم؟", "حي النخيل", "Al Nakheel")]
    [InlineData("where is your showroom?", "حي النخيل", "Al Nakheel")]
    public void TheDemoAnswersItsShopQuestionsInBothLanguages(string message, string arabicAnswerPart, string englishAnswerPart)
    {
        var answers = FaqMatcher.Answers(Faq, message, take: 2);

        Assert.Equal(2, answers.Count);
        Assert.Contains(answers, m => m.Entry.Answer.Contains(arabicAnswerPart, StringComparison.Ordinal));
        Assert.Contains(answers, m => m.Entry.Answer.Contains(englishAnswerPart, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("عندكم عبايات سوداء؟")]
    [InlineData("بكم الحقيبة السوداء؟ أبي أطلب وحدة")]
    [InlineData("Do you have running shoes?")]
    [InlineData("أبي أكلم موظف")]
    [InlineData("do you have wedding gifts?")]
    public void CatalogueQuestionsAreNotFaqQuestions(string message) => Assert.Empty(FaqMatcher.Answers(Faq, message));

    [Fact]
    public void EveryEntryFitsTheApiLimits() => Assert.All(Faq, e =>
    {
        Assert.InRange(e.Question.Length, 1, FaqEntry.MaxQuestionLength);
        Assert.InRange(e.Answer.Length, 1, FaqEntry.MaxAnswerLength);
    });
}
