using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Hands a committed batch's new customer messages to the agent through Redis (XADD, then one nudge behind them),
/// within one time budget for the whole batch, never per message. Redis is only a speed-up (contract section 8): past
/// the budget the batch stops waiting, Redis is skipped for a while (<see cref="RedisBreaker"/>) and probed in the
/// background, and the agent's PostgreSQL poller finds the messages meanwhile.
/// </summary>
public sealed class InboundPublisher(
    IServiceProvider services, IOptions<WebhookOptions> options, TimeProvider timeProvider, ILogger<InboundPublisher> logger)
{
    private readonly RedisBreaker _breaker = new(timeProvider, options.Value.RedisSkipFor);
    private int _probing;

    public bool SkippingRedis => !_breaker.AllowsRedis;

    public async Task PublishAsync(IReadOnlyList<PendingReply> replies)
    {
        var redis = services.GetService<IConnectionMultiplexer>();
        if (replies.Count == 0 || redis is not { IsConnected: true } || !_breaker.AllowsRedis)
        {
            return;
        }

        var publishing = PublishAllAsync(redis, replies);
        if (await Task.WhenAny(publishing, Task.Delay(options.Value.RedisBatchBudget, timeProvider)) == publishing)
        {
            return;
        }

        if (_breaker.Trip())
        {
            logger.LogWarning("Redis did not take {Count} inbound messages within {Budget}; skipping it for {SkipFor} (the agent polls PostgreSQL)",
                replies.Count, options.Value.RedisBatchBudget, options.Value.RedisSkipFor);
        }

        // A Redis that was only slow (a busy machine, a pause) answers this very batch a little late: that is proof
        // enough to use it again at once. A hung one never does, and the probe decides.
        _ = publishing.ContinueWith(t => RecoverIfAnswered(t), TaskScheduler.Default);
        StartProbe(redis);
    }

    /// <summary>True when Redis took at least one of the batch's messages.</summary>
    private async Task<bool> PublishAllAsync(IConnectionMultiplexer redis, IReadOnlyList<PendingReply> replies)
    {
        // Issued together, so they share one wait, and the nudge right behind them without waiting for their answers: the
        // multiplexer keeps their order on its connection, so a consumer the nudge wakes finds the entries in the stream.
        // (A nudge after entries Redis refused wakes a consumer that finds nothing new, which costs it one read.)
        var adding = replies.Select(r => InboundQueue.TryPublishAsync(redis, r.MessageId, r.ConversationId, r.MerchantId, logger)).ToArray();
        var nudging = RedisNudge.PublishAsync(redis, InboundQueue.NudgeChannel, "1", logger);
        var added = await Task.WhenAll(adding);
        await nudging;
        return added.Any(a => a);
    }

    private void RecoverIfAnswered(Task<bool> publishing)
    {
        if (publishing is { IsCompletedSuccessfully: true, Result: true } && !_breaker.AllowsRedis)
        {
            _breaker.Close();
            logger.LogInformation("Redis took the overdue batch after all; inbound messages are published to it again");
        }
    }

    private void StartProbe(IConnectionMultiplexer redis)
    {
        if (Interlocked.Exchange(ref _probing, 1) == 0)
        {
            _ = Task.Run(() => ProbeAsync(redis));
        }
    }

    private async Task ProbeAsync(IConnectionMultiplexer redis)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.RedisProbeInterval, timeProvider);
                var ping = redis.GetDatabase().PingAsync();
                _ = ping.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
                if (await Task.WhenAny(ping, Task.Delay(options.Value.RedisBatchBudget, timeProvider)) == ping && ping.IsCompletedSuccessfully)
                {
                    _breaker.Close();
                    logger.LogInformation("Redis answers again; inbound messages are published to it once more");
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }
    }
}
