using AiSales.Api.Webhooks;

namespace AiSales.Tests.Webhooks;

/// <summary>The arrival key alone (no database): event order first, then the item's place in the body.</summary>
public sealed class MessageArrivalTests
{
    [Fact]
    public void ArrivalOrdersByEventThenItemAndCapsTheItemIndex()
    {
        Assert.Equal(7 * 4096L, MessageArrival.Of(7, 0));
        Assert.Equal(7 * 4096L + 3, MessageArrival.Of(7, 3));
        Assert.Equal(7 * 4096L + 4095, MessageArrival.Of(7, 4095));
        Assert.Equal(7 * 4096L + 4095, MessageArrival.Of(7, 10_000));
        Assert.True(MessageArrival.Of(7, 10_000) < MessageArrival.Of(8, 0));
        Assert.Throws<OverflowException>(() => MessageArrival.Of(long.MaxValue / 1000, 0));
    }
}
