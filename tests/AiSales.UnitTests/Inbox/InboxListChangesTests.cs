using AiSales.Web.Inbox;
using static AiSales.UnitTests.Inbox.InboxRows;

namespace AiSales.UnitTests.Inbox;

/// <summary>
/// The inbox list applies live events in place (docs/console.md "Inbox"): a new message moves one row to the top, a
/// handoff changes one row, and an event without its row asks for a read instead of guessing.
/// </summary>
public sealed class InboxListChangesTests
{
    private static List<Conversation> Shown() => [Conversation(1, 30), Conversation(2, 20), Conversation(3, 10)];

    [Fact]
    public void ANewMessageMovesItsConversationToTheTopWithTheEventsRow()
    {
        var list = Shown();
        var updated = Conversation(3, 40, last: "وصل الطلب؟");

        var result = InboxChanges.ApplyToList(list, [NewMessage(updated)], lastRead: null);

        Assert.NotNull(result);
        Assert.Equal([Id(3), Id(1), Id(2)], Ids(result));
        Assert.Same(updated, result[0]);
    }

    [Fact]
    public void ANewConversationTakesItsPlaceByActivityAndNoRowFallsOff()
    {
        var list = Shown();

        var result = InboxChanges.ApplyToList(list, [NewMessage(Conversation(4, 25))], lastRead: ListPlace.Of(list[^1]));

        Assert.Equal([Id(1), Id(4), Id(2), Id(3)], Ids(result!));
    }

    [Fact]
    public void AConversationBelowTheLastRowReadIsLeftToTheNextPageAndShownWhenEveryPageWasRead()
    {
        var list = Shown();

        var morePages = InboxChanges.ApplyToList(list, [NewMessage(Conversation(4, 5))], lastRead: ListPlace.Of(list[^1]));
        var allRead = InboxChanges.ApplyToList(list, [NewMessage(Conversation(4, 5))], lastRead: null);

        Assert.Equal([Id(1), Id(2), Id(3)], Ids(morePages!));
        Assert.Equal([Id(1), Id(2), Id(3), Id(4)], Ids(allRead!));
    }

    [Fact]
    public void AHandoffChangesItsRowInPlace()
    {
        var result = InboxChanges.ApplyToList(Shown(), [Handoff(Conversation(2, 20, status: "human"))], lastRead: null);

        Assert.Equal([Id(1), Id(2), Id(3)], Ids(result!));
        Assert.Equal("human", result![1].Status);
        Assert.Equal("ai", result[0].Status);
    }

    [Fact]
    public void AHandoffOfAConversationNotShownIsIgnored()
    {
        var list = Shown();

        var result = InboxChanges.ApplyToList(list, [Handoff(Conversation(9, 99, status: "human"))], lastRead: null);

        Assert.Equal([Id(1), Id(2), Id(3)], Ids(result!));
    }

    [Fact]
    public void AnEventWithoutItsConversationAsksForARead()
    {
        var events = new[] { NewMessage(Conversation(3, 40)), new InboxEvent("message", Id(2), Message(1, 0), null) };

        Assert.Null(InboxChanges.ApplyToList(Shown(), events, lastRead: null));
    }

    [Fact]
    public void StatusOrderAndPingEventsLeaveTheListAsItIs()
    {
        var list = Shown();
        var events = new[] { Status(Id(3), Message(7, 0)), new InboxEvent("order", Id(3)), new InboxEvent("ping", null) };

        var result = InboxChanges.ApplyToList(list, events, lastRead: null);

        Assert.Same(list, result);
    }

    [Fact]
    public void EventsOfABatchApplyInOrderAndTheListShownIsNotChangedUnderneath()
    {
        var list = Shown();

        var result = InboxChanges.ApplyToList(list, [NewMessage(Conversation(3, 40)), NewMessage(Conversation(2, 41)), NewMessage(Conversation(3, 42))], lastRead: null);

        Assert.Equal([Id(3), Id(2), Id(1)], Ids(result!));
        Assert.Equal([Id(1), Id(2), Id(3)], Ids(list));
    }

    [Fact]
    public void ConversationsWithTheSameActivityTimeKeepOneOrder()
    {
        var list = new List<Conversation> { Conversation(1, 30) };

        var forwards = InboxChanges.ApplyToList(list, [NewMessage(Conversation(5, 30)), NewMessage(Conversation(4, 30))], lastRead: null);
        var backwards = InboxChanges.ApplyToList(list, [NewMessage(Conversation(4, 30)), NewMessage(Conversation(5, 30))], lastRead: null);

        Assert.Equal([Id(5), Id(4), Id(1)], Ids(forwards!));
        Assert.Equal(Ids(forwards!), Ids(backwards!));
    }
}
