using AiSales.Api.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace AiSales.UnitTests.Webhooks;

public sealed class RedisBreakerTests
{
    private static readonly TimeSpan SkipFor = TimeSpan.FromSeconds(30);

    [Fact]
    public void RedisIsUsedUntilABatchOverrunsItsBudget()
    {
        var breaker = new RedisBreaker(new FakeTimeProvider(), SkipFor);

        Assert.True(breaker.AllowsRedis);
    }

    [Fact]
    public void AfterATripRedisIsSkippedForTheWholePeriodThenTriedAgain()
    {
        var time = new FakeTimeProvider();
        var breaker = new RedisBreaker(time, SkipFor);

        Assert.True(breaker.Trip());
        time.Advance(SkipFor - TimeSpan.FromMilliseconds(1));
        Assert.False(breaker.AllowsRedis);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(breaker.AllowsRedis);
    }

    [Fact]
    public void OnlyTheFirstTripWhileSkippingAsksForAProbeAndItExtendsTheSkip()
    {
        var time = new FakeTimeProvider();
        var breaker = new RedisBreaker(time, SkipFor);

        Assert.True(breaker.Trip());
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(breaker.Trip());
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(breaker.AllowsRedis);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(breaker.AllowsRedis);
        Assert.True(breaker.Trip());
    }

    [Fact]
    public void ASuccessfulProbeClosesItAtOnce()
    {
        var time = new FakeTimeProvider();
        var breaker = new RedisBreaker(time, SkipFor);
        breaker.Trip();

        breaker.Close();

        Assert.True(breaker.AllowsRedis);
    }
}
