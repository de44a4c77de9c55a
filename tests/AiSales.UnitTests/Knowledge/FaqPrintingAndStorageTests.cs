using AiSales.Core.Knowledge;

namespace AiSales.UnitTests.Knowledge;

/// <summary>Two subjects a food and gift shop's faq covers: names printed on boxes, and how long goods keep and how to store them.</summary>
public sealed class FaqPrintingAndStorageTests
{
    private static readonly FaqEntry Printing = new("طباعة الأسماء على العلب", "نطبع الاسم أو التاريخ على العلب والتوزيعات، الطباعة 3 ريال للعلبة وتحتاج 3 أيام عمل.");
    private static readonly FaqEntry Storage = new("كيف أحفظ التمر والحلويات؟ مدة الصلاحية", "التمر يجلس 6 شهور في مكان بارد وجاف، وسنة كاملة في الثلاجة.");
    private static readonly FaqEntry Delivery = new("متى يوصل الطلب؟", "الطلبات قبل الساعة 4 العصر توصل نفس اليوم.");
    private static readonly FaqEntry PrintingEn = new("Names printed on boxes", "We print names or a date on boxes and favours for 3 SAR a box, 3 working days.");
    private static readonly FaqEntry StorageEn = new("Storage and shelf life", "Dates keep 6 months somewhere cool and dry, a year in the fridge.");

    private static readonly FaqEntry[] Faq = [Delivery, Printing, Storage, PrintingEn, StorageEn];

    [Theory]
    [InlineData("تقدرون تكتبون اسم العريس والعروسة على علب التوزيعات؟ وكم تاخذ وقت؟")]
    [InlineData("تطبعون اسم المولود على الصينية؟")]
    public void APrintingQuestionFindsThePrintingEntry(string question) =>
        Assert.Equal(Printing, FaqMatcher.Answers(Faq, question).First().Entry);

    [Theory]
    [InlineData("التمر كم يجلس عندي؟ وهل لازم أحطه في الثلاجة؟")]
    [InlineData("كيف احفظ المعمول؟")]
    public void AStorageQuestionFindsTheStorageEntry(string question) =>
        Assert.Equal(Storage, FaqMatcher.Answers(Faq, question).First().Entry);

    [Theory]
    [InlineData("do you print names on the boxes?", "Names printed on boxes")]
    [InlineData("what's the shelf life of the dates? should I keep them in the fridge?", "Storage and shelf life")]
    public void InEnglishToo(string question, string entry) =>
        Assert.Equal(entry, FaqMatcher.Answers(Faq, question).First().Entry.Question);
}
