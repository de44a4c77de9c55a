using System.Diagnostics;
using System.Net;
using AiSales.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// A hung Redis (connected, never answering) costs the normaliser one time budget per batch, then nothing while it is
/// skipped, and it is used again once a probe finds it answering. Real Redis behind a forwarder that freezes.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class RedisHangTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task HungRedisCostsOneBudgetPerBatchThenIsSkippedAndIsUsedAgainAfterItRecovers()
    {
        await using var forwarder = StartForwarder();
        var redisOptions = ThroughForwarder(forwarder);
        redisOptions.AsyncTimeout = 2000;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
        await using var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(redis).BuildServiceProvider();
        var publisher = NewPublisher(services, probeInterval: TimeSpan.FromMilliseconds(200));
        // Conversations that do not exist: an agent reading these entries finds nothing to answer.
        var batch = Enumerable.Range(0, 50).Select(i => new PendingReply(-1 - i, Guid.NewGuid(), Guid.NewGuid())).ToList();
        await publisher.PublishAsync(batch); // healthy: connects and publishes
        Assert.False(publisher.SkippingRedis);

        forwarder.Freeze();
        var first = await TimeAsync(() => publisher.PublishAsync(batch));
        var second = await TimeAsync(() => publisher.PublishAsync(batch));
        var skipping = publisher.SkippingRedis;
        forwarder.Thaw();
        var recovered = await WaitUntilAsync(() => !publisher.SkippingRedis, TimeSpan.FromSeconds(10));

        Assert.True(first < Budget + TimeSpan.FromSeconds(1), $"the first batch with Redis hung took {first}");
        Assert.True(second < TimeSpan.FromMilliseconds(100), $"a batch while Redis is skipped took {second}");
        Assert.True(skipping);
        Assert.True(recovered, "the probe never found Redis answering again");
        var third = await TimeAsync(() => publisher.PublishAsync(batch));
        Assert.True(third < TimeSpan.FromSeconds(1), $"a batch after recovery took {third}");
        Assert.False(publisher.SkippingRedis);
    }

    [Fact]
    public async Task SlowRedisThatAnswersTheOverdueBatchIsUsedAgainWithoutWaitingForTheProbe()
    {
        await using var forwarder = StartForwarder();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ThroughForwarder(forwarder));
        await using var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(redis).BuildServiceProvider();
        // The probe would wait ten minutes: only the overdue batch itself can bring Redis back here.
        var publisher = NewPublisher(services, probeInterval: TimeSpan.FromMinutes(10));
        var batch = Enumerable.Range(0, 5).Select(i => new PendingReply(-1 - i, Guid.NewGuid(), Guid.NewGuid())).ToList();
        await publisher.PublishAsync(batch);

        forwarder.Freeze();
        await publisher.PublishAsync(batch);
        var skipping = publisher.SkippingRedis;
        forwarder.Thaw();
        var recovered = await WaitUntilAsync(() => !publisher.SkippingRedis, TimeSpan.FromSeconds(10));

        Assert.True(skipping, "a batch past its budget did not start skipping Redis");
        Assert.True(recovered, "Redis answered the overdue batch but stayed skipped");
    }

    private WebhookTcpForwarder StartForwarder()
    {
        var redisEndpoint = (IPEndPoint)ConfigurationOptions.Parse(fixture.RedisConnectionString).EndPoints
            .Select(e => e is DnsEndPoint dns ? new IPEndPoint(IPAddress.Loopback, dns.Port) : e).First();
        var forwarder = new WebhookTcpForwarder("127.0.0.1", redisEndpoint.Port);
        forwarder.Start();
        return forwarder;
    }

    private ConfigurationOptions ThroughForwarder(WebhookTcpForwarder forwarder)
    {
        var redisOptions = ConfigurationOptions.Parse(fixture.RedisConnectionString);
        redisOptions.EndPoints.Clear();
        redisOptions.EndPoints.Add(IPAddress.Loopback, forwarder.Port);
        redisOptions.AsyncTimeout = 5000;
        return redisOptions;
    }

    private static InboundPublisher NewPublisher(IServiceProvider services, TimeSpan probeInterval) =>
        new(services, Options.Create(new WebhookOptions
        {
            RedisBatchBudget = Budget, RedisSkipFor = TimeSpan.FromSeconds(30), RedisProbeInterval = probeInterval,
        }), TimeProvider.System, NullLogger<InboundPublisher>.Instance);

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action().WaitAsync(TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
