using AiSales.Api.Webhooks;

namespace AiSales.UnitTests.Webhooks;

public sealed class InboxBudgetTests
{
    [Fact]
    public void ReservationsPastTheBudgetAreRefusedUntilBytesAreReleased()
    {
        var budget = new InboxBudget(1000);

        Assert.True(budget.TryReserve(600));
        Assert.True(budget.TryReserve(400));
        Assert.False(budget.TryReserve(1));
        budget.Release(400);
        Assert.True(budget.TryReserve(300));
        Assert.Equal(900, budget.Used);
    }

    [Fact]
    public void ABodyLargerThanTheWholeBudgetIsNeverAdmitted()
    {
        var budget = new InboxBudget(100);

        Assert.False(budget.TryReserve(101));
        Assert.Equal(0, budget.Used);
    }

    [Fact]
    public void ConcurrentReservationsNeverOvershoot()
    {
        var budget = new InboxBudget(10_000);
        var admitted = 0;

        Parallel.For(0, 100_000, _ =>
        {
            if (budget.TryReserve(7))
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(10_000 / 7, admitted);
        Assert.True(budget.Used <= budget.MaxBytes);
    }

    [Fact]
    public void AnAbandonedItemCannotBeClaimedAndDropsItsBody()
    {
        var item = new InboxItem("whatsapp", new byte[300], DateTimeOffset.UtcNow);

        Assert.True(item.TryAbandon());
        Assert.False(item.TryClaim());
        Assert.Empty(item.Body);
        Assert.Equal(300, item.BodyLength);
    }

    [Fact]
    public void AClaimedItemCannotBeAbandoned()
    {
        var item = new InboxItem("instagram", new byte[10], DateTimeOffset.UtcNow);

        Assert.True(item.TryClaim());
        Assert.False(item.TryAbandon());
        Assert.Equal(10, item.Body.Length);
    }

    [Fact]
    public void ClaimAndAbandonRacingHaveExactlyOneWinner()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var item = new InboxItem("whatsapp", new byte[1], DateTimeOffset.UtcNow);
            var wins = 0;
            Parallel.Invoke(
                () => { if (item.TryClaim()) Interlocked.Increment(ref wins); },
                () => { if (item.TryAbandon()) Interlocked.Increment(ref wins); });
            Assert.Equal(1, wins);
        }
    }
}
