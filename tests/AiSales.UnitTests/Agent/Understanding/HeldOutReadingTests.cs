using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>A colour or size asked about after an okay is still a question about the product just discussed.</summary>
public sealed class PoliteColourQuestionTests
{
    [Theory]
    [InlineData("طيب والأحمر؟", "red")]
    [InlineData("ok, and in black?", "black")]
    [InlineData("تمام، والروز؟", "rose")]
    public void AnOkayBeforeAColourQuestionAsksIt(string text, string colour)
    {
        var reading = Read.Message(text);

        Assert.Contains(Act.AskAvailability, reading.Acts);
        Assert.Equal([colour], reading.Colours);
    }
}

/// <summary>Found by the fourth shop's held-out conversations: plural verbs spelled without their alef, expiry dates.</summary>
public sealed class HeldOutReadingTests
{
    [Theory]
    [InlineData("بتفتحوا يوم الجمعة؟", StoreTopic.Hours)]
    [InlineData("بتفتحو يوم الجمعة؟", StoreTopic.Hours)]
    [InlineData("ايمتى بتسكروا؟", StoreTopic.Hours)]
    [InlineData("بتوصلو على اربد؟", StoreTopic.Delivery)]
    public void APluralVerbWithOrWithoutItsAlef(string text, StoreTopic topic)
    {
        var reading = Read.Message(text);

        Assert.Contains(Act.StoreQuestion, reading.Acts);
        Assert.Equal(topic, reading.Topic);
    }

    [Theory]
    [InlineData("شو تاريخ انتهاء واقي الشمس عندكم؟")]
    [InlineData("when does the sunscreen expire?")]
    public void AnExpiryDateIsAShopQuestion(string text)
    {
        Assert.Contains(Act.StoreQuestion, Read.Message(text).Acts);
    }
}
