using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// Sends what the agent (and the merchant API) committed to outbound_deliveries and nobody is sending yet: claims due
/// rows with a lease and hands them to <see cref="DeliverySender"/>. (A reply's first part is usually leased by its
/// own turn and sent at once; this loop covers the rest: later parts, human replies, retries, other replicas' work.)
/// </summary>
public sealed class DeliveryWorker(
    DeliveryStore store,
    UnknownOutcomes unknownOutcomes,
    DeliverySender sender,
    DeliverySignal signal,
    IServiceProvider services,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeToNudgesAsync();
        var settings = options.Value;
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextSweep)
                {
                    var abandoned = await unknownOutcomes.AbandonAsync(settings.ReconciliationGraceSeconds, stoppingToken);
                    if (abandoned > 0)
                    {
                        logger.LogWarning("{Count} deliveries with an unknown outcome were marked failed without resending", abandoned);
                    }

                    nextSweep = time.GetUtcNow().AddSeconds(Math.Max(1, Math.Min(settings.LeaseSeconds, settings.ReconciliationGraceSeconds) / 4.0));
                }

                var claimed = await store.ClaimAsync(settings.BatchSize, sender.LeaseOwner, settings.LeaseSeconds, stoppingToken);
                if (claimed.Count > 0)
                {
                    logger.LogDebug("Claimed {Count} deliveries", claimed.Count);
                }

                if (claimed.Count > 0)
                {
                    // One per conversation (see the claim query), so parallel sends never reorder a conversation.
                    await Task.WhenAll(claimed.Select(d => sender.SendAsync(d, stoppingToken)));
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Delivery loop failed; retrying");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SubscribeToNudgesAsync()
    {
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            await RedisNudge.TrySubscribeAsync(redis, OutboundQueue.NudgeChannel, signal.Notify, logger);
        }
    }
}
