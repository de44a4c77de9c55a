using AiSales.Web.Inbox;
using static AiSales.UnitTests.Inbox.InboxRows;

namespace AiSales.UnitTests.Inbox;

/// <summary>
/// The open conversation applies live events in place: a new message is placed by its send time (never twice), a
/// status change updates the bubble shown, and an event without its message asks for a read.
/// </summary>
public sealed class InboxMessageChangesTests
{
    private static readonly Guid Open = Id(1);

    private static List<Message> Shown() => [Message(10, 0), Message(11, 10, "outbound", "sent"), Message(12, 20)];

    private static InboxEvent New(Message message) => NewMessage(Conversation(1, 0), message);

    [Fact]
    public void ANewMessageIsAppendedAfterTheNewest()
    {
        var messages = Shown();

        var missing = InboxChanges.ApplyToMessages(messages, [New(Message(13, 30))]);

        Assert.False(missing);
        Assert.Equal([10L, 11, 12, 13], messages.Select(m => m.Id));
    }

    [Fact]
    public void AMessageThatArrivesLateIsPlacedByItsSendTime()
    {
        var messages = Shown();

        InboxChanges.ApplyToMessages(messages, [New(Message(14, 15))]);

        Assert.Equal([10L, 11, 14, 12], messages.Select(m => m.Id));
    }

    [Fact]
    public void AMessageSentAtTheSameTimeAsOneShownGoesAfterIt()
    {
        var messages = Shown();

        InboxChanges.ApplyToMessages(messages, [New(Message(15, 10))]);

        Assert.Equal([10L, 11, 15, 12], messages.Select(m => m.Id));
    }

    [Fact]
    public void AMessageAlreadyShownIsReplacedNotDuplicated()
    {
        var messages = Shown();
        var again = Message(12, 20) with { Text = "edited" };

        InboxChanges.ApplyToMessages(messages, [New(again), New(again)]);

        Assert.Equal([10L, 11, 12], messages.Select(m => m.Id));
        Assert.Equal("edited", messages[2].Text);
    }

    [Fact]
    public void AStatusChangeUpdatesTheBubbleShown()
    {
        var messages = Shown();

        var missing = InboxChanges.ApplyToMessages(messages, [Status(Open, Message(11, 10, "outbound", "delivered")), Status(Open, Message(11, 10, "outbound", "read"))]);

        Assert.False(missing);
        Assert.Equal([10L, 11, 12], messages.Select(m => m.Id));
        Assert.Equal("read", messages[1].DeliveryStatus);
    }

    [Fact]
    public void AStatusChangeOfAMessageNotShownAddsNothing()
    {
        var messages = Shown();

        var missing = InboxChanges.ApplyToMessages(messages, [Status(Open, Message(3, -100, "outbound", "read"))]);

        Assert.False(missing);
        Assert.Equal([10L, 11, 12], messages.Select(m => m.Id));
    }

    [Theory]
    [InlineData("message")]
    [InlineData("status")]
    public void AnEventWithoutItsMessageAsksForAReadAndTheOthersStillApply(string kind)
    {
        var messages = Shown();

        var missing = InboxChanges.ApplyToMessages(messages, [new InboxEvent(kind, Open), New(Message(13, 30))]);

        Assert.True(missing);
        Assert.Equal([10L, 11, 12, 13], messages.Select(m => m.Id));
    }

    [Fact]
    public void HandoffsAndOrdersLeaveTheMessagesAsTheyAre()
    {
        var messages = Shown();

        var missing = InboxChanges.ApplyToMessages(messages, [Handoff(Conversation(1, 0, status: "human")), new InboxEvent("order", Open)]);

        Assert.False(missing);
        Assert.Equal([10L, 11, 12], messages.Select(m => m.Id));
    }

    [Fact]
    public void TheFirstMessageOfAnEmptyConversationIsShown()
    {
        var messages = new List<Message>();

        InboxChanges.ApplyToMessages(messages, [New(Message(1, 0))]);

        Assert.Equal([1L], messages.Select(m => m.Id));
    }
}
