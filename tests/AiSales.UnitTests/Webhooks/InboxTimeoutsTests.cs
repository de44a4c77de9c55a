using AiSales.Api.Webhooks;

namespace AiSales.UnitTests.Webhooks;

/// <summary>A hung PostgreSQL costs a webhook about the commit timeout, not the commit timeout plus Npgsql's 30 s.</summary>
public sealed class InboxTimeoutsTests
{
    [Theory]
    [InlineData(10, 2, 6)]
    [InlineData(3, 1, 1)]
    [InlineData(1, 1, 1)]
    [InlineData(60, 12, 36)]
    [InlineData(600, 15, 570)]
    public void TheStatementAndTwoConnectTimeoutsFitTheCommitTimeout(int commitSeconds, int connect, int command)
    {
        var commit = TimeSpan.FromSeconds(commitSeconds);

        Assert.Equal(connect, InboxTimeouts.ConnectSeconds(commit));
        Assert.Equal(command, InboxTimeouts.CommandSeconds(commit, connect));
    }

    [Fact]
    public void AnOperatorsLongConnectTimeoutStillLeavesTheStatementASecond() =>
        Assert.Equal(1, InboxTimeouts.CommandSeconds(TimeSpan.FromSeconds(10), connectSeconds: 15));
}
