using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Readings found missing by a fifth shop written blind (home and kitchen goods in Baghdad, priced in thousands of dinars): a price
/// said back («35 الف», «ربع مليون»), the pieces of a set that are not a count, Iraqi «ام» before a measure, «تلاث», «اطقم», the
/// Iraqi thanks, material question and confirmation, Iraqi Arabizi counts and "the smaller one".
/// </summary>
public sealed class FifthShopReadingTests
{
    [Theory]
    [InlineData("اذا بـ 35 الف اريده")]
    [InlineData("ربع مليون؟ اوكي ابيها")]
    [InlineData("بـ 125000 دينار؟ اريده")]
    [InlineData("if it's 35k I want it")]
    public void ASumOfMoneyIsNeitherACountNorASizeNorAProduct(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Null(reading.Quantity);
        Assert.Empty(reading.Sizes);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("بيش طقم الملاعق 12 قطعة؟", "طقم ملاعق 12 قطعه")]
    [InlineData("اريد طقم الكلاصات ام 6 قطع", "طقم كلاصات 6 قطع")]
    [InlineData("how much is the cutlery set 24 pieces?", "cutlery set 24 pieces")]
    public void ThePiecesOfASetAreNotACount(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("اريد 3 قطع", 3, "")]
    [InlineData("اريد تلاث اطقم", 3, "")]
    [InlineData("اريد 2 طقم ملاعق", 2, "طقم ملاعق")]
    [InlineData("ok arid thnen", 2, "")]
    public void CountsOfPiecesAndSets(string text, int quantity, string query)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void IraqiOneOfBeforeAMeasureNamesNoProduct() =>
        Assert.Equal("6 لتر", Read.Message("اريد ام 6 لتر").ProductQuery);

    [Fact]
    public void IraqiThanksAreCourtesyNotASearch()
    {
        var reading = Read.Message("تسلمين عيني 🌷");

        Assert.Equal([Act.Courtesy], reading.Acts);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void IraqiMaterialQuestion()
    {
        var reading = Read.Message("السماور الكهربائي شنو مادته؟");

        Assert.True(reading.Has(Act.AskAttribute));
        Assert.Equal(ProductAttribute.Material, reading.AskedAttribute);
    }

    [Theory]
    [InlineData("اي ثبتيه")]
    [InlineData("ثبتوه")]
    public void IraqiConfirmations(string text) =>
        Assert.True(Read.Message(text, Awaiting.Confirmation).Has(Act.Confirm));

    [Theory]
    [InlineData("ok the smaller one please", "s")]
    [InlineData("the bigger one", "l")]
    public void TheSmallerOrBiggerOneOfAListIsAPick(string text, string size)
    {
        var reading = Read.Message(text, Awaiting.Choice, 2);

        Assert.True(reading.Has(Act.Choose), Read.Describe(reading));
        Assert.Equal([size], reading.Sizes);
    }

    [Theory]
    [InlineData("ok the smaller one please", true)]
    [InlineData("الثانية لو سمحت", true)]
    [InlineData("الثانية", false)]
    [InlineData("the second one please, how much is it?", false)]
    public void APickAskedForPolitelyIsAWishToHaveIt(string text, bool buys)
    {
        var reading = Read.Message(text, Awaiting.Choice, 2);

        Assert.True(reading.Has(Act.Choose), Read.Describe(reading));
        Assert.Equal(buys, reading.Has(Act.Buy));
    }

    [Fact]
    public void IraqiTooAddsAProductEvenWhenANameWasAsked()
    {
        var reading = Read.Message("وخاولي كحلي هم", Awaiting.Name);

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Null(reading.Name);
        Assert.Equal(["navy"], reading.Colours);
    }

    [Fact]
    public void IraqiRiceIsNotTheNumberEight()
    {
        var reading = Read.Message("ابي طباخ التمن");

        Assert.Null(reading.Quantity);
        Assert.Equal("طباخ تمن", reading.ProductQuery);
    }

    [Theory]
    [InlineData("how many days do I have to return something?", StoreTopic.Returns)]
    [InlineData("كم يوم عندي حتى اكدر ارجع الغرض؟", StoreTopic.Returns)]
    [InlineData("كم يوم يوصل الطلب لأربيل؟", StoreTopic.Delivery)]
    [InlineData("how many days does delivery take?", StoreTopic.Delivery)]
    public void AskingWhenIsDeliveryUnlessAnotherTopicIsNamed(string text, StoreTopic topic) =>
        Assert.Equal(topic, Read.Message(text).Topic);

    [Theory]
    [InlineData("do you have the 24 piece cutlery set?", null, "24 piece cutlery set")]
    [InlineData("I want 2 pieces of the cookware set", 2, "cookware set")]
    public void ASetsPiecesBeforeItInTheSingular(string text, int? quantity, string query)
    {
        var reading = Read.Message(text);

        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void IraqiWhatIsTheOrderNow() => Assert.True(Read.Message("شنو صار الطلب؟").Has(Act.ShowOrder));
}
