using AiSales.AiAgent.Fleet;

namespace AiSales.UnitTests.Delivery;

/// <summary>The per-number send limit shared by the agent processes (issue 13 item 8): together never above it.</summary>
public sealed class FleetShareTests
{
    [Theory]
    [InlineData(80, 1)]
    [InlineData(80, 2)]
    [InlineData(80, 3)]
    [InlineData(80, 7)]
    [InlineData(5, 2)]
    [InlineData(3, 5)]
    public void TheFleetTogetherSendsAtMostTheLimitAndBurstsAtMostTheLimit(int limit, int fleet)
    {
        var share = FleetShare.Of(limit, fleet);

        Assert.Equal(limit, share.PerSecond * fleet, precision: 6);
        Assert.True(share.Tokens * fleet <= Math.Max(limit, fleet), $"burst {share.Tokens} × {fleet}");
        Assert.True(share.Tokens >= 1);
    }

    [Fact]
    public void OneProcessTakesTheWholeLimitPerSecond()
    {
        Assert.Equal(new FleetShare(80, TimeSpan.FromSeconds(1)), FleetShare.Of(80, 1));
        Assert.Equal(new FleetShare(40, TimeSpan.FromSeconds(1)), FleetShare.Of(80, 2));
        Assert.Equal(26, FleetShare.Of(80, 3).Tokens);
        Assert.Equal(TimeSpan.FromSeconds(0.975), FleetShare.Of(80, 3).Period);
    }

    [Fact]
    public void NonsenseInputsStillGiveALimit()
    {
        Assert.Equal(FleetShare.Of(1, 1), FleetShare.Of(0, 0));
    }
}
