using AiSales.Web.Inbox;
using static AiSales.UnitTests.Inbox.InboxRows;

namespace AiSales.UnitTests.Inbox;

/// <summary>
/// What a batch of the feed tells the inbox: read again after a (re)connection or a reset, whether the stream is live
/// after it (the last connect or drop decides), and which events belong to the open conversation.
/// </summary>
public sealed class InboxBatchTests
{
    [Theory]
    [InlineData("ready", true)]
    [InlineData("reset", true)]
    [InlineData("message", false)]
    [InlineData(InboxBatch.Offline, false)]
    public void OnlyAConnectionOrAResetAsksForARead(string kind, bool reload)
    {
        var batch = new InboxBatch([NewMessage(Conversation(1, 0), Message(1, 0)), new InboxEvent(kind, null)]);

        Assert.Equal(reload, batch.Reload);
    }

    [Fact]
    public void TheLastConnectOrDropOfABatchSaysWhetherTheStreamIsLive()
    {
        var dropped = new InboxEvent(InboxBatch.Offline, null);
        var ready = new InboxEvent("ready", null);
        var message = NewMessage(Conversation(1, 0), Message(1, 0));

        Assert.True(new InboxBatch([dropped, ready, message]).Live);
        Assert.False(new InboxBatch([ready, message, dropped]).Live);
        Assert.Null(new InboxBatch([message, new InboxEvent("reset", null)]).Live);
    }

    [Fact]
    public void TheOpenConversationSeesOnlyItsOwnEventsInOrder()
    {
        var first = NewMessage(Conversation(1, 0), Message(1, 0));
        var other = NewMessage(Conversation(2, 0), Message(2, 0));
        var second = Status(Id(1), Message(1, 0, "outbound", "read"));

        var mine = new InboxBatch([first, other, new InboxEvent("ready", null), second]).For(Id(1));

        Assert.Equal([first, second], mine);
    }
}
