using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Dialect forms and shop words a blind shop's customers used that the lexicons lacked: Egyptian wants with an object pronoun,
/// «هاتي», Levantine «حقهن» and «حلوين», a word called after «يا», the merchant's keyword in another form, MSA «أريد طلبه», and
/// alterations as a service beyond the catalogue.
/// </summary>
public sealed class DialectGapReadingTests
{
    [Theory]
    [InlineData("تمام عايزاها")]
    [InlineData("عاوزاها")]
    [InlineData("خلاص عايزينه")]
    [InlineData("هاتيها")]
    public void EgyptianWantsWithAnObjectPronounBuyWhatIsInFocus(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("قديش حقهن؟")]
    [InlineData("كم حقهم؟")]
    public void ThePriceOfThemNamesNoProduct(string text)
    {
        var reading = Read.Message(text, Awaiting.Choice, shown: 2);

        Assert.True(reading.Has(Act.AskPrice), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("ميرسي يا قمر ❤️")]
    [InlineData("تسلمي يا عسل")]
    [InlineData("شكرا يا جميل")]
    public void AWordCalledAfterYaIsNotAProduct(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Courtesy), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void YaBeforeAProductWordDoesNotHideTheRest()
    {
        var reading = Read.Message("عندكم يا جماعة عباية سوداء؟");

        Assert.Equal("عبايه", reading.ProductQuery);
    }

    [Theory]
    [InlineData("الطرحة وصلتني تالفة ومقطوعة")]
    [InlineData("القطع التالفة ابي ارجعها")]
    [InlineData("وصلوا تالفين")]
    [InlineData("الشاحن وصلني تالف")]
    public void AnArabicKeywordOfTheMerchantMatchesItsOtherForms(string text) =>
        Assert.True(Read.Message(text, Awaiting.Nothing, 0, "تالف").Has(Act.Handoff), text);

    [Theory]
    [InlineData("تالفني الانتظار", "تالف")]
    [InlineData("the item is damage free", "damaged")]
    public void AKeywordDoesNotMatchOtherWords(string text, string keyword) =>
        Assert.False(Read.Message(text, Awaiting.Nothing, 0, keyword).Has(Act.Handoff), text);

    [Fact]
    public void ArabiziKhalasMakesTheMessageArabizi()
    {
        var reading = Read.Message("ok khalas abi el navy");

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal(["navy"], reading.Colours);
    }

    [Theory]
    [InlineData("أريد طلبه من فضلك")]
    [InlineData("أود طلبها")]
    public void MsaIWantToOrderItBuys(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("Can you shorten an abaya for me? I'm quite short")]
    [InlineData("do you do alterations?")]
    [InlineData("ممكن تقصروا العباية؟")]
    [InlineData("بتعملوا تفصيل على المقاس؟")]
    public void AlterationsAreAServiceQuestionNotAProductSearch(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.Null(reading.Topic);
    }
}
