using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// A yes/no question about a measure asks for the product's volume or size (contract §7: answered from its
/// description), while the same measure in a stock question or a wish to buy still asks for stock or buys.
/// </summary>
public sealed class MeasureQuestionTests
{
    [Theory]
    [InlineData("is the oud perfume 100 ml?", ProductAttribute.Volume)]
    [InlineData("هل عطر العود ١٠٠ مل؟", ProductAttribute.Volume)]
    [InlineData("does the black bag come in 30 cm?", ProductAttribute.Size)]
    [InlineData("الشنطة السودا 30 سم؟", ProductAttribute.Size)]
    public void AYesNoQuestionAboutAMeasureAsksForTheAttribute(string text, ProductAttribute attribute)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal(attribute, reading.AskedAttribute);
    }

    [Theory]
    [InlineData("is the 100 ml in stock?", Act.AskAvailability)]
    [InlineData("can I get the oud perfume 100 ml?", Act.Buy)]
    [InlineData("how much is the 100 ml?", Act.AskPrice)]
    [InlineData("I want the oud 100 ml", Act.Buy)]
    public void TheSameMeasureInAStockQuestionOrAWishToBuyIsNotAnAttributeQuestion(string text, Act act)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(act), Read.Describe(reading));
        Assert.False(reading.Has(Act.AskAttribute), Read.Describe(reading));
    }
}
