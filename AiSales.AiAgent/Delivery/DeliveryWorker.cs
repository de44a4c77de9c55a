using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// Sends what the agent (and the merchant API) committed to outbound_deliveries. Claims due rows with a lease,
/// opens the channel token only now, POSTs, and records the outcome by Graph error code (docs/agent.md).
/// </summary>
public sealed class DeliveryWorker(
    DeliveryStore store,
    GraphClient graph,
    SecretProtector secrets,
    SendRateLimiter rateLimiter,
    DeliverySignal signal,
    IServiceProvider services,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

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
                    var abandoned = await store.AbandonUnknownAsync(settings.ReconciliationGraceSeconds, stoppingToken);
                    if (abandoned > 0)
                    {
                        logger.LogWarning("{Count} deliveries with an unknown outcome were marked failed without resending", abandoned);
                    }

                    nextSweep = time.GetUtcNow().AddSeconds(Math.Max(1, settings.LeaseSeconds / 4.0));
                }

                var claimed = await store.ClaimAsync(settings.BatchSize, _owner, settings.LeaseSeconds, stoppingToken);
                if (claimed.Count > 0)
                {
                    logger.LogDebug("Claimed {Count} deliveries", claimed.Count);
                }

                if (claimed.Count > 0)
                {
                    // One per conversation (see the claim query), so parallel sends never reorder a conversation.
                    await Task.WhenAll(claimed.Select(d => SendOneAsync(d, stoppingToken)));
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

    private async Task SendOneAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var windowProblem = WindowProblem(delivery, out var humanAgentTag);
            if (windowProblem is not null)
            {
                await store.MarkFailedAsync(delivery.Id, delivery.MessageId, 131047, windowProblem, CancellationToken.None);
                return;
            }

            string token;
            try
            {
                token = secrets.Open(delivery.Token, $"channel-token:{delivery.MerchantId}:{delivery.Platform}");
            }
            catch (SecretDecryptionException ex)
            {
                await store.MarkFailedAsync(delivery.Id, delivery.MessageId, null, $"Channel token cannot be opened: {ex.Message}", CancellationToken.None);
                return;
            }

            await rateLimiter.WaitAsync(delivery.AccountId, stoppingToken);
            logger.LogDebug("Sending delivery {DeliveryId} (attempt {Attempt})", delivery.Id, delivery.Attempts);
            var result = await graph.SendAsync(
                new GraphSend(delivery.Id, delivery.Platform, delivery.AccountId, token, delivery.Recipient, delivery.Body, humanAgentTag),
                stoppingToken);
            logger.LogDebug("Delivery {DeliveryId}: {Outcome} {Code}", delivery.Id, result.Outcome, result.ErrorCode);
            await RecordAsync(delivery, result);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-send: the lease expires and reconciliation decides; never reset to pending here.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Delivery {DeliveryId} failed unexpectedly; its lease will expire and it will be reconciled", delivery.Id);
        }
    }

    private async Task RecordAsync(ClaimedDelivery delivery, GraphSendResult result)
    {
        var settings = options.Value;
        switch (result.Outcome)
        {
            case GraphOutcome.Sent:
                await store.MarkSentAsync(delivery.Id, delivery.MessageId, result.ExternalId!, CancellationToken.None);
                break;
            case GraphOutcome.Throttled or GraphOutcome.Transient when delivery.Attempts < settings.MaxAttempts:
                var delay = Backoff(delivery.Attempts, result.RetryAfter);
                logger.LogInformation("Delivery {DeliveryId} {Outcome} (code {Code}); next attempt in {Delay}", delivery.Id, result.Outcome, result.ErrorCode, delay);
                await store.RescheduleAsync(delivery.Id, delay, result.ErrorCode, result.ErrorMessage, CancellationToken.None);
                break;
            case GraphOutcome.TokenInvalid:
                logger.LogWarning("Channel {ChannelId} token rejected (190); channel disconnected until the merchant reconnects it", delivery.ChannelId);
                await store.DisconnectChannelAsync(delivery.ChannelId, $"Graph API error 190: {result.ErrorMessage}", CancellationToken.None);
                // Kept pending: it goes out if the merchant reconnects while the window is still open.
                await store.RescheduleAsync(delivery.Id, TimeSpan.Zero, result.ErrorCode, result.ErrorMessage, CancellationToken.None);
                break;
            case GraphOutcome.Unknown:
                // Left in 'sending': the lease expires, then reconciliation or the grace period decides.
                break;
            default:
                logger.LogWarning("Delivery {DeliveryId} failed permanently (code {Code}): {Error}", delivery.Id, result.ErrorCode, result.ErrorMessage);
                await store.MarkFailedAsync(delivery.Id, delivery.MessageId, result.ErrorCode, result.ErrorMessage ?? "Graph API error", CancellationToken.None);
                break;
        }
    }

    /// <summary>Contract section 5: free-form only within 24 h; Instagram human replies up to 7 days with HUMAN_AGENT.</summary>
    private string? WindowProblem(ClaimedDelivery delivery, out bool humanAgentTag)
    {
        humanAgentTag = false;
        var age = delivery.LastCustomerMessageAt is { } last ? time.GetUtcNow() - last : TimeSpan.MaxValue;
        if (age <= TimeSpan.FromHours(24))
        {
            // Inside the window a free-form reply needs no tag.
            return null;
        }

        if (delivery.Author == "human" && delivery.Platform == "instagram" && age <= TimeSpan.FromDays(7))
        {
            humanAgentTag = true;
            return null;
        }

        return "The 24-hour customer service window is closed";
    }

    private static TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        var jittered = exponential * (0.5 + Random.Shared.NextDouble() / 2);
        return retryAfter is { } after && after > jittered ? after : jittered;
    }

    private async Task SubscribeToNudgesAsync()
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(OutboundQueue.NudgeChannel), (_, _) => signal.Notify());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Outbound nudges unavailable; polling only");
        }
    }
}
