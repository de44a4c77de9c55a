using AiSales.Core.Orders;

namespace AiSales.UnitTests.Orders;

public sealed class OrderCurrencyTests
{
    [Theory]
    [InlineData(null, "SAR", true)]
    [InlineData("", "SAR", true)]
    [InlineData("SAR", "SAR", true)]
    [InlineData("SAR", "sar", true)]
    [InlineData("SAR ", "SAR", true)]
    [InlineData("SAR", "AED", false)]
    [InlineData("KWD", "USD", false)]
    public void AnOrderTakesOneCurrency(string? order, string product, bool accepted) =>
        Assert.Equal(accepted, OrderCurrency.Accepts(order, product));

    [Fact]
    public void TheMismatchNamesBothCurrencies() =>
        Assert.Equal("Oud is priced in AED, but this order is in SAR: one currency per order.", OrderCurrency.Mismatch("SAR", "Oud", "aed"));
}
