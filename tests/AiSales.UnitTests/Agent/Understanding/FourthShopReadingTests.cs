using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Readings found missing by a fourth shop written blind (skincare and cosmetics in Amman): masculine duals, the containers a count is
/// given in, numbers that measure rather than count, Levantine spellings, the shades cosmetics sell, Arabizi counts, adding with
/// «كمان» or «زيديلي», and whether the goods are original.
/// </summary>
public sealed class FourthShopReadingTests
{
    [Theory]
    [InlineData("بدي عطرين مسك أبيض هدية", "عطر مسك هديه")]
    [InlineData("هاي، بدي كريمين تحت العين", "كريم تحت عين")]
    [InlineData("عايزة فستانين", "فستان")]
    [InlineData("بدي كريمين يدين", "كريم يدين")]
    [InlineData("ابغى العطرين", "عطر")]
    public void AMasculineDualIsTwoOfItsSingular(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Equal(2, reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("بدي سيروم فيتامين سي", "سيروم فيتامين سي")]
    [InlineData("عندكم فيتامين؟", "فيتامين")]
    [InlineData("شامبو بالكافيين", "شامبو كافيين")]
    [InlineData("عطر ياسمين", "عطر ياسمين")]
    [InlineData("الكريمات موجودين؟", "كريمات")]
    public void WordsThatOnlyEndLikeAMasculineDualAreNotCounted(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void ANameEndingLikeADualIsANameWhenOneWasAsked()
    {
        var reading = Read.Message("نسرين", Awaiting.Name);

        Assert.Null(reading.Quantity);
        Assert.Equal("نسرين", reading.Name);
    }

    [Theory]
    [InlineData("أريد ثلاث عبوات منه من فضلك", 3)]
    [InlineData("بدي عبوتين", 2)]
    [InlineData("2 tubes please", 2)]
    [InlineData("بدي تنتين", 2)]
    [InlineData("ابي ثنتان", 2)]
    public void CountsInContainersAndLevantineTwo(string text, int quantity)
    {
        var reading = Read.Message(text);

        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("بدي باليت الظلال ال 12 لون", "باليت ظلال 12")]
    [InlineData("palette 12 shades", "palette 12 shades")]
    public void ANumberBeforeAMeasureIsPartOfTheName(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
        Assert.DoesNotContain(Act.AskAttribute, reading.Acts);
    }

    [Theory]
    [InlineData("كم سعرو", Act.AskPrice)]
    [InlineData("شو سعرو؟", Act.AskPrice)]
    [InlineData("شو لونو؟", Act.AskAttribute)]
    public void LevantineSpellingsWithWaw(string text, Act act)
    {
        var reading = Read.Message(text);

        Assert.Contains(act, reading.Acts);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("حلو بدي واحد")]
    [InlineData("حلوة كتير، بدي وحدة")]
    public void NiceIsNoProductWord(string text)
    {
        var reading = Read.Message(text);

        Assert.Equal("", reading.ProductQuery);
        Assert.Equal(1, reading.Quantity);
    }

    [Theory]
    [InlineData("عندكم شنطة مكياج لون جملي؟", "camel")]
    [InlineData("عباية زيتي", "olive")]
    [InlineData("the olive one", "olive")]
    [InlineData("الروج لون روز", "rose")]
    [InlineData("بدي النود", "nude")]
    [InlineData("البلاشر الخوخي", "peach")]
    [InlineData("بدي البيج", "beige")]
    public void CosmeticAndFashionShadesAreColours(string text, string colour)
    {
        Assert.Equal([colour], Read.Message(text).Colours);
    }

    [Fact]
    public void LipstickIsNotTheColourRed()
    {
        var reading = Read.Message("شو ألوان أحمر الشفاه المطفي اللي عندكم؟");

        Assert.Empty(reading.Colours);
        Assert.Contains("احمر", reading.ProductQuery);
        Assert.Equal(ProductAttribute.Colour, reading.AskedAttribute);
    }

    [Theory]
    [InlineData("tamam bdi wa7ad", 1)]
    [InlineData("bdi wa7de", 1)]
    [InlineData("bdi tnen", 2)]
    public void ArabiziCounts(string text, int quantity)
    {
        var reading = Read.Message(text);

        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("وزيديلي البلاشر الخوخي", Awaiting.Name)]
    [InlineData("وكمان ماء ميسيلار", Awaiting.Nothing)]
    [InlineData("حطيلي كمان غسول", Awaiting.Address)]
    public void AlsoAndAddMeBuyAnotherProduct(string text, Awaiting awaiting)
    {
        var reading = Read.Message(text, awaiting);

        Assert.Contains(Act.Buy, reading.Acts);
        Assert.Null(reading.Name);
        Assert.NotEqual("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("المنتجات عندكم أصلية ولا تقليد؟")]
    [InlineData("are your products original?")]
    [InlineData("is it fake or authentic?")]
    public void WhetherTheGoodsAreOriginalIsAShopQuestion(string text)
    {
        var reading = Read.Message(text);

        Assert.Contains(Act.StoreQuestion, reading.Acts);
        Assert.Equal("", reading.ProductQuery);
    }
}
