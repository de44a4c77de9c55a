using AiSales.Core.Orders;

namespace AiSales.UnitTests.Orders;

public sealed class StockShortageTests
{
    [Theory]
    [InlineData(0, "Bag (B-1) is out of stock; the order asks for 2.")]
    [InlineData(1, "Only 1 of Bag (B-1) left; the order asks for 2.")]
    public void AShortageSaysHowManyAreLeft(int available, string expected) =>
        Assert.Equal(expected, new StockShortage(Guid.NewGuid(), "B-1", "Bag", 2, available).Describe());
}
