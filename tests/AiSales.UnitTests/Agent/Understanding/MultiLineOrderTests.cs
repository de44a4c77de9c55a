using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class MultiLineOrderTests
{
    [Fact]
    public void AnOrderAboveTheDetailsKeepsItsActsAndItsQuery()
    {
        var reading = Read.Message("ابغى ٢ شنطة سودا\nنورة\nالرياض حي النرجس\n0501234567");
        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal(2, reading.Quantity);
        Assert.Equal("شنطه", reading.ProductQuery);
        Assert.Equal("نورة", reading.Name);
        Assert.Equal("الرياض حي النرجس", reading.Address);
        Assert.Equal("0501234567", reading.Phone);
    }
}
