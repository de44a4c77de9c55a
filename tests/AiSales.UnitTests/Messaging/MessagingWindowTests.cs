using AiSales.Core.Messaging;

namespace AiSales.UnitTests.Messaging;

public sealed class MessagingWindowTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("whatsapp", false, 1, WindowVerdict.Open)]
    [InlineData("whatsapp", true, 23.99, WindowVerdict.Open)]
    [InlineData("whatsapp", true, 24.01, WindowVerdict.Closed)]
    [InlineData("instagram", false, 24.01, WindowVerdict.Closed)]
    [InlineData("instagram", true, 24.01, WindowVerdict.HumanAgentTag)]
    [InlineData("instagram", true, 167.9, WindowVerdict.HumanAgentTag)]
    [InlineData("instagram", true, 168.1, WindowVerdict.Closed)]
    public void FreeFormWithinADayAndOnInstagramAPersonForAWeek(string platform, bool byPerson, double hours, WindowVerdict verdict) =>
        Assert.Equal(verdict, MessagingWindow.Check(platform, byPerson, s_now - TimeSpan.FromHours(hours), s_now));

    [Fact]
    public void NoCustomerMessageMeansNoWindow()
    {
        Assert.Equal(WindowVerdict.Closed, MessagingWindow.Check(Platforms.Instagram, true, null, s_now));
        Assert.False(MessagingWindow.AiMayReply(null, s_now));
    }

    [Fact]
    public void TheAiNeverUsesTheHumanAgentTag() =>
        Assert.False(MessagingWindow.AiMayReply(s_now - TimeSpan.FromHours(30), s_now));
}
