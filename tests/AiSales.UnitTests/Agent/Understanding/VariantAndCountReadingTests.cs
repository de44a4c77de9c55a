using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Readings found missing by a shop written blind (women's fashion in Cairo): a feminine dual counts two, "both" picks the whole
/// list, a colour or size after the words that change a quantity swaps the variant, a size alone asks about it, a size word is not a
/// product word, and a pack count inside a name is not a quantity.
/// </summary>
public sealed class VariantAndCountReadingTests
{
    [Theory]
    [InlineData("ابغى طرحتين شيفون سود", "طرحه شيفون")]
    [InlineData("عايزة شنطتين", "شنطه")]
    [InlineData("بدي الكرتونتين", "كرتونه")]
    public void AFeminineDualIsTwoOfItsSingular(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Equal(2, reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("عندكم بروتين؟", "بروتين")]
    [InlineData("ابي كيراتين للشعر", "كيراتين شعر")]
    [InlineData("جربته مرتين", "جربته مرتين")]
    public void WordsThatOnlyEndLikeADualAreNotCounted(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("خلاص هاخد التلاتة", 3)]
    [InlineData("طيب ابي الثلاث", 3)]
    [InlineData("باخذ الاربعه", 4)]
    public void ACountWithTheArticleIsTheCountJustTalkedAbout(string text, int quantity)
    {
        var reading = Read.Message(text);

        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("ابي هدية تناسب الزوج")]
    [InlineData("عايزة حاجة للست الوالدة")]
    [InlineData("يوصل يوم الثلاثاء؟")]
    public void WordsThatOnlyLookLikeACountWithTheArticleAreNot(string text) =>
        Assert.Null(Read.Message(text).Quantity);

    [Theory]
    [InlineData("حلوين، رح آخد التنتين")]
    [InlineData("I'll take both")]
    [InlineData("باخذ الاثنين")]
    [InlineData("both please")]
    public void BothOfAListOfTwoPicksEveryProductShown(string text)
    {
        var reading = Read.Message(text, Awaiting.Choice, shown: 2);

        Assert.True(reading.PickAll, Read.Describe(reading));
        Assert.True(reading.Has(Act.Choose), Read.Describe(reading));
        Assert.Null(reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void BothOfALongerListIsNotEveryProduct() =>
        Assert.False(Read.Message("I'll take both", Awaiting.Choice, shown: 3).PickAll);

    [Fact]
    public void AllOfThemPicksAnyList() =>
        Assert.True(Read.Message("ابي كلهم", Awaiting.Choice, shown: 4).PickAll);

    [Theory]
    [InlineData("actually can you make it the navy one instead?", "navy", "")]
    [InlineData("خليها الكحلي بدل الاسود", "navy", "")]
    [InlineData("لا معلش خليه M بدل S", "", "m,s")]
    [InlineData("make it M", "", "m")]
    public void AColourOrSizeAfterTheWordsThatChangeAnOrderSwapsTheVariant(string text, string colour, string sizes)
    {
        var reading = Read.Message(text, Awaiting.Name);

        Assert.True(reading.Has(Act.Swap), Read.Describe(reading));
        Assert.False(reading.Has(Act.ChangeQuantity), Read.Describe(reading));
        if (colour.Length > 0)
        {
            Assert.Contains(colour, reading.Colours);
        }

        Assert.Equal(sizes, string.Join(',', reading.Sizes));
    }

    [Theory]
    [InlineData("make it 3")]
    [InlineData("خليها ٣")]
    public void ANumberAfterThoseWordsIsStillAQuantity(string text)
    {
        var reading = Read.Message(text, Awaiting.Name);

        Assert.True(reading.Has(Act.ChangeQuantity), Read.Describe(reading));
        Assert.False(reading.Has(Act.Swap), Read.Describe(reading));
    }

    [Theory]
    [InlineData("طب والـ M؟", "m")]
    [InlineData("and in XL?", "xl")]
    public void ASizeAloneWithAQuestionMarkAsksAboutIt(string text, string size)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.AskAvailability), Read.Describe(reading));
        Assert.Equal([size], reading.Sizes);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void ASizeWordBeforeASizeIsNotAProductWord()
    {
        var reading = Read.Message("أريد طلبه بمقاس M من فضلك");

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal(["m"], reading.Sizes);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void AvailableAfterTheSizesAskedIsNotAProductWord()
    {
        var reading = Read.Message("ما المقاسات المتاحة منه؟");

        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void AFeminineImperativeOfBringOrdersAndItsCountStays()
    {
        var reading = Read.Message("هاتي 2 طرحة جيرسيه رمادي");

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal(2, reading.Quantity);
        Assert.Equal("طرحه جيرسيه", reading.ProductQuery);
    }
}
