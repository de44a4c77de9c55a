using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Readings found missing by a sixth shop written blind (children's and baby goods in Kuwait): ranges of ages and weights that are no
/// count, the dual of a pack, the formal dual, KNET, a service asked beside a wish, Arabizi colours and a question about ages.
/// </summary>
public sealed class SixthShopReadingTests
{
    [Theory]
    [InlineData("do you have the dinosaur pyjamas in 3-4 years?", "dinosaur pyjamas", new[] { "3", "4" })]
    [InlineData("ابي طقم بودي قطن مقاس 6-12 شهر", "طقم بودي قطن", new[] { "6m", "7m", "8m", "9m", "10m", "11m", "12m" })]
    [InlineData("عندكم فستان لعمر 2–3 سنوات؟", "فستان", new[] { "2", "3" })]
    public void AnAgeRangeIsASizeNotACount(string text, string query, string[] sizes)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(sizes, reading.Sizes);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("كرسي السيارة 9-36 لأي عمر؟", "كرسي سياره 9 36")]
    [InlineData("what age is the car seat 9-36 for?", "car seat 9 36")]
    public void AWeightRangeStaysInTheSearchAndAQuestionAboutAgeIsAnAttribute(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal(ProductAttribute.Age, reading.AskedAttribute);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void OneAgeOfMonthsIsNotTheSameAgeInYears()
    {
        Assert.Equal(["6m"], Read.Message("عندكم لهاية لعمر 6 شهور؟").Sizes);
        Assert.Equal(["4"], Read.Message("عندكم فستان لبنتي عمرها 4 سنوات؟").Sizes);
    }

    [Theory]
    [InlineData("ابي باكيتين", 2, "")]
    [InlineData("عطني كرتونين مناديل", 2, "مناديل")]
    [InlineData("ابي 3 باكيت حفاضات", 3, "حفاضات")]
    public void TheDualOfAPackCountsIt(string text, int quantity, string query)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("أريد رضاعتان", "رضاعه")]
    [InlineData("أريد فستانان", "فستان")]
    public void TheFormalDualCountsTwo(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Equal(2, reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void APlaceEndingInStanIsNoDual() => Assert.Null(Read.Message("ابي شحن لباكستان").Quantity);

    [Theory]
    [InlineData("تقبلون كي نت؟")]
    [InlineData("do you accept knet?")]
    [InlineData("فيه بنفت باي؟")]
    public void KnetAndBenefitPayAreWaysToPay(string text)
    {
        var reading = Read.Message(text);

        Assert.Equal(StoreTopic.Payment, reading.Topic);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void AServiceAskedBesideAWishIsAQuestionNotAnOrder()
    {
        var reading = Read.Message("تسوون تغليف هدايا؟ ابي اهديها لبنت اختي");

        Assert.True(reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.False(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.True(Read.Message("ابي الشنطة مع تغليف هدية").Has(Act.Buy));
    }

    [Theory]
    [InlineData("hala, 3indkum scooter? shno alwana?")]
    [InlineData("shno lonha?")]
    public void ArabiziColourQuestions(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal(ProductAttribute.Colour, reading.AskedAttribute);
    }

    [Fact]
    public void OkAndACountAfterAProductAreACount()
    {
        var reading = Read.Message("ok 2 please");

        Assert.Equal(2, reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    // Held out (found by the kids shop's held-out conversations).
    [Theory]
    [InlineData("is it ok for a 3 year old?")]
    [InlineData("هل يناسب عمر 3 سنين؟")]
    public void AYesNoQuestionAboutAnAgeAsksTheProductsAges(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal(ProductAttribute.Age, reading.AskedAttribute);
        Assert.Null(reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void TwoArabiziWordsThatCouldBeEnglishWithNoEnglishBesideThemAreArabizi()
    {
        Assert.True(Arabizi.Looks("abi el lego"));
        Assert.True(Read.Message("abi el lego").Has(Act.Buy));
        Assert.False(Arabizi.Looks("fee for delivery"));
    }

    [Theory]
    [InlineData("اوكي احجزه لي")]
    [InlineData("احجزيها لو سمحتي")]
    [InlineData("ok book it")]
    public void BookingItOrdersIt(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }
}
