using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Phrases;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// The places a delivery question names (with «ل» or «لل», or after "to") and the faq entries that answer for them; amounts in the
/// currencies counted in fils; and Arabic replies that read naturally to any customer, woman or man, of any dialect.
/// </summary>
public sealed class PlacesAndMoneyTests
{
    private const string Amman = "التوصيل داخل عمّان بـ 2 دينار، ولباقي المحافظات (إربد، الزرقاء، العقبة) بـ 3.500 دينار.";
    private const string Cairo = "الشحن جوه القاهرة والجيزة بـ 60 جنيه، وباقي المحافظات بـ 95 جنيه.";
    private const string Riyadh = "التوصيل داخل الرياض 30 ريال، ومجاني للطلبات فوق 300 ريال.";

    [Theory]
    [InlineData("قديش التوصيل لإربد؟", "اربد")]
    [InlineData("كم يوم بياخد التوصيل للزرقا؟", "زرقا")]
    [InlineData("الشحن للمنصورة بكام؟", "منصوره")]
    [InlineData("بتوصلوا لمادبا؟", "مادبا")]
    [InlineData("Do you ship to Kuwait?", "kuwait")]
    public void ThePlaceAQuestionNames(string text, string place)
    {
        Assert.Contains(place, Places.Named(text));
    }

    [Theory]
    [InlineData("التوصيل بكم؟ وبدي لون احمر")]
    [InlineData("قديش التوصيل لما يكون الطلب كبير؟")]
    [InlineData("شو لونه؟")]
    public void WordsWithLamThatNameNoPlace(string text)
    {
        Assert.Empty(Places.Named(text));
    }

    [Theory]
    [InlineData(Amman, "قديش التوصيل لإربد؟", true)]
    [InlineData(Amman, "قديش التوصيل لمادبا؟", true)]
    [InlineData(Amman, "بتوصلوا للسعودية؟", false)]
    [InlineData(Amman, "هل توصلون إلى السعودية؟", false)]
    [InlineData(Amman, "بتشحنوا برا الاردن؟ لدبي مثلا", false)]
    [InlineData(Cairo, "الشحن للمنصورة بكام؟", true)]
    [InlineData(Cairo, "الشحن لإسكندرية بكام؟", true)]
    [InlineData(Cairo, "بتشحنوا برا مصر؟ للسعودية مثلا", false)]
    [InlineData(Riyadh, "كم التوصيل للرياض؟", true)]
    [InlineData(Riyadh, "كم التوصيل لجدة؟", false)]
    [InlineData("Delivery in Riyadh costs 30 SAR.", "Do you ship to Kuwait?", false)]
    [InlineData("Shipping anywhere in the UAE is 15 AED.", "do you deliver to Abu Dhabi?", true)]
    public void AnEntryAnswersForThePlacesItNamesOrTheRestOfItsCountry(string entry, string question, bool covered)
    {
        Assert.Equal(covered, Places.Covered(entry, question));
    }

    [Fact]
    public void AnEntryThatNamesThePlaceIsBetterThanOneThatCoversTheCountry()
    {
        const string question = "and if I order today, when would it reach me in Dubai?";

        Assert.True(Places.Names("Same-day delivery in Dubai for orders placed before 3 pm.", question));
        Assert.False(Places.Names("Shipping anywhere in the UAE is 15 AED.", question));
        Assert.True(Places.Covered("Shipping anywhere in the UAE is 15 AED.", question));
    }

    [Theory]
    [InlineData(12.5, "JOD", "12.500 JOD")]
    [InlineData(48, "JOD", "48 JOD")]
    [InlineData(4.125, "KWD", "4.125 KWD")]
    [InlineData(0.75, "bhd", "0.750 bhd")]
    [InlineData(12.5, "SAR", "12.5 SAR")]
    [InlineData(19.99, "AED", "19.99 AED")]
    [InlineData(2.125, "SAR", "2.125 SAR")]
    [InlineData(250, "SAR", "250 SAR")]
    public void AmountsAreNeverRoundedAndFilsShowThreeDecimals(decimal amount, string currency, string text)
    {
        Assert.Equal(text, MoneyText.Format(amount, currency));
    }

    // Gulf words and second-person verbs that are only masculine (or only feminine) do not belong in a reply every customer reads.
    private static readonly string[] s_marked = ["وش", "تحب", "تحبي", "الحين", "للحين", "راح", "تبي", "تبغى", "ودك", "تقصد", "اكتب", "قل لي", "اسألني", "فاضي", "هذي", "اللي"];

    [Fact]
    public void ArabicRepliesAreNeutral()
    {
        var say = ArabicPhrasebook.Instance;
        var product = new ProductFact(Guid.NewGuid(), "P1", "عطر عود", "", 12.5m, "JOD", 3, true);
        string[] sentences = [say.Greeting("نور"), say.Help(), say.NotFound(), say.NotInColour(), say.NotInSize(), say.WhichProduct(), say.PickOne(),
            say.Price(product, 2), say.EmptyOrder(), say.AskName(), say.AskAddress(), say.AskPhone(), say.NothingToCancel(), say.NoOrder(),
            say.WhatToChange(), say.Courtesy(false), say.StoreUnknown(), say.Handoff(), say.List([product, product], toBuy: true),
            say.NoOtherColour(product, null), say.Describe(product, null, null)];
        foreach (var sentence in sentences)
        {
            var words = sentence.Split([' ', '،', '.', '؟', '!', '(', ')', ':'], StringSplitOptions.RemoveEmptyEntries);
            Assert.DoesNotContain(words, w => s_marked.Contains(w));
            Assert.DoesNotContain("قل لي", sentence);
        }

        Assert.Contains("12.500 JOD", say.Price(product, null));
    }
}
