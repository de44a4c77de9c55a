using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Questions a customer of any shop asks beyond the catalogue, and words that only look like colours or counts.</summary>
public sealed class ServiceAndTotalsWordingTests
{
    [Theory]
    [InlineData("ممكن استلم من المحل؟")]
    [InlineData("can I pick it up from the store?")]
    [InlineData("how do I contact you?")]
    [InlineData("what's the expiry date?")]
    public void AServiceQuestionIsForTheFaqOrAPersonNotTheCatalogue(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.StoreQuestion));
        Assert.Null(reading.Topic);
    }

    [Theory]
    [InlineData("كم صار المجموع؟")]
    [InlineData("whats my total")]
    [InlineData("I need help with my order")]
    public void TheTotalShowsTheOrder(string text) =>
        Assert.Equal([Act.ShowOrder], Read.Message(text).Acts);

    [Theory]
    [InlineData("عندكم احمر شفايف؟", "احمر شفايف")]
    [InlineData("بكم احمر الخدود؟", "احمر خدود")]
    public void RedBeforeLipsOrCheeksNamesAProductNotAColour(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Empty(reading.Colours);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void TheFiftyMlOnePointsAtAProductRatherThanCountingOne() =>
        Assert.Null(Read.Message("do you have the 50ml one?").Quantity);

    [Fact]
    public void AddOneMoreInEgyptianIsOneMore()
    {
        var reading = Read.Message("ضيفيلي كمان واحد");

        Assert.Equal(1, reading.QuantityDelta);
        Assert.Equal("", reading.ProductQuery);
    }
}
