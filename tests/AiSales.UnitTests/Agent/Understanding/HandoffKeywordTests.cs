using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class HandoffKeywordTests
{
    [Theory]
    [InlineData("عندي شكوى", "شكوى")]
    [InlineData("عندي شكوي على الطلب", "شكوى")]
    [InlineData("I have a COMPLAINT", "complaint")]
    [InlineData("ابي اتكلم مع المشرف", "المشرف")]
    [InlineData("wholesale price", "wholesale")]
    public void TheMerchantsOwnWordsAskForAPerson(string text, string keyword)
    {
        var reading = Read.Message(text, Awaiting.Nothing, 0, keyword);
        Assert.True(reading.Has(Act.Handoff), Read.Describe(reading));
        Assert.False(reading.Has(Act.Buy));
    }

    [Theory]
    [InlineData("shoes", "shoe")]
    [InlineData("الشكاوى", "شكوى")]
    public void AKeywordMatchesWholeWordsOnly(string text, string keyword) =>
        Assert.False(Read.Message(text, Awaiting.Nothing, 0, keyword).Has(Act.Handoff));
}
