using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class QuantityAndChoiceTests
{
    [Theory]
    [InlineData("ابغى 2 عطر", 2)]
    [InlineData("ابغى ٢ عطر", 2)]
    [InlineData("ابي ٣ حبات", 3)]
    [InlineData("ابي ٣حبات", 3)]
    [InlineData("x3 please", 3)]
    [InlineData("3x", 3)]
    [InlineData("3 pcs", 3)]
    [InlineData("3pcs", 3)]
    [InlineData("ابي حبتين", 2)]
    [InlineData("ابي ثنتين", 2)]
    [InlineData("ابغى ثلاث", 3)]
    [InlineData("ابي وحدة", 1)]
    [InlineData("بدي اتنين", 2)]
    [InlineData("عايز تلاتة", 3)]
    [InlineData("اريد اربعة", 4)]
    [InlineData("بغيت جوج", 2)]
    [InlineData("I want a pair", 2)]
    [InlineData("two pairs please", 2)]
    [InlineData("how much would two pairs be?", 2)]
    [InlineData("I'll take five", 5)]
    [InlineData("a couple of bottles", 2)]
    [InlineData("order 10 pieces", 10)]
    [InlineData("ابي ٥٠ حبة", 50)]
    [InlineData("abgha 2", 2)]
    [InlineData("abi 7abtain", 2)]
    public void ReadsTheStatedQuantity(string text, int quantity)
    {
        var reading = Read.Message(text);
        Assert.Equal(quantity, reading.Quantity);
        Assert.Null(reading.Choice);
    }

    [Theory]
    [InlineData("ابغى عطر")]
    [InlineData("عطر 100 مل")]
    [InlineData("ابي مقاس 42")]
    [InlineData("the black one")]
    [InlineData("رقم ٢")]
    public void ReadsNoQuantityWhenNoneIsStated(string text) => Assert.Null(Read.Message(text).Quantity);

    [Theory]
    [InlineData("٥", 5)]
    [InlineData("50", 50)]
    [InlineData("ثلاث", 3)]
    [InlineData("حبتين", 2)]
    public void ABareNumberIsAQuantityWhenAQuantityWasAsked(string text, int quantity) =>
        Assert.Equal(quantity, Read.Message(text, Awaiting.Quantity).Quantity);

    [Theory]
    [InlineData("the second", 2)]
    [InlineData("the second one", 2)]
    [InlineData("2nd", 2)]
    [InlineData("the first one", 1)]
    [InlineData("الثانية", 2)]
    [InlineData("الثاني", 2)]
    [InlineData("التاني", 2)]
    [InlineData("التانية", 2)]
    [InlineData("الأولى", 1)]
    [InlineData("الاول", 1)]
    [InlineData("الثالثة", 3)]
    [InlineData("التالت", 3)]
    [InlineData("رقم ٢", 2)]
    [InlineData("رقم 3", 3)]
    [InlineData("no. 2", 2)]
    [InlineData("number 4", 4)]
    [InlineData("option 1", 1)]
    [InlineData("#2", 2)]
    [InlineData("ابي الثانية", 2)]
    [InlineData("ابغى رقم ٣", 3)]
    [InlineData("I'll take the 2nd", 2)]
    [InlineData("اول وحدة", 1)]
    public void ReadsAPickFromTheList(string text, int choice)
    {
        var reading = Read.Message(text);
        Assert.Equal(choice, reading.Choice);
        Assert.True(reading.Has(Act.Choose), Read.Describe(reading));
        Assert.Null(reading.Quantity);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("٣", 3)]
    [InlineData("ثاني", 2)]
    [InlineData("second", 2)]
    [InlineData("ابي 2", 2)]
    public void ABareNumberIsAPickWhenAPickWasAsked(string text, int choice)
    {
        var reading = Read.Message(text, Awaiting.Choice, shown: 3);
        Assert.Equal(choice, reading.Choice);
        Assert.Null(reading.Quantity);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("٣")]
    public void ABareNumberIsNotAPickWhenNoPickWasAsked(string text) => Assert.Null(Read.Message(text).Choice);

    [Fact]
    public void ANumberBeyondTheListIsNotAPick() => Assert.Null(Read.Message("7", Awaiting.Choice, shown: 3).Choice);

    [Theory]
    [InlineData("the last one")]
    [InlineData("الاخير")]
    public void TheLastOneIsTheLastShown(string text) => Assert.Equal(4, Read.Message(text, Awaiting.Choice, shown: 4).Choice);

    [Fact]
    public void AColourIsAPickWhenAPickWasAsked()
    {
        var reading = Read.Message("السودا", Awaiting.Choice, shown: 3);
        Assert.True(reading.Has(Act.Choose));
        Assert.Equal(["black"], reading.Colours);
    }
}
