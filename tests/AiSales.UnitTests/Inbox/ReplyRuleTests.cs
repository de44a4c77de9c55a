using AiSales.Web.Inbox;

namespace AiSales.UnitTests.Inbox;

public sealed class ReplyRuleTests
{
    private static readonly DateTimeOffset Now = InboxRows.Start;

    [Theory]
    [InlineData("human", true, 60, ReplyBlock.None)]
    [InlineData("human", true, -1, ReplyBlock.WindowClosed)]
    [InlineData("human", true, null, ReplyBlock.WindowClosed)]
    [InlineData("ai", true, 60, ReplyBlock.AiAnswers)]
    [InlineData("ai", true, -1, ReplyBlock.AiAnswers)]
    [InlineData("human", false, 60, ReplyBlock.ChannelDisconnected)]
    [InlineData("ai", false, -1, ReplyBlock.ChannelDisconnected)]
    public void TheFirstReasonThatAppliesIsTheOneSaid(string status, bool channelConnected, int? windowMinutesLeft, ReplyBlock block)
    {
        var conversation = InboxRows.Conversation(1, 0, status) with
        {
            ChannelConnected = channelConnected,
            ReplyWindowClosesAt = windowMinutesLeft is { } minutes ? Now.AddMinutes(minutes) : null,
        };

        Assert.Equal(block, ReplyRule.For(conversation, Now));
    }

    [Fact]
    public void TheWindowIsClosedAtTheMomentItCloses()
    {
        var conversation = InboxRows.Conversation(1, 0, "human") with { ReplyWindowClosesAt = Now };

        Assert.True(ReplyRule.WindowClosed(conversation, Now));
        Assert.False(ReplyRule.WindowClosed(conversation, Now.AddTicks(-1)));
    }
}
