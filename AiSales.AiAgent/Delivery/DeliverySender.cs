using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// Sends one delivery its caller already leased ('sending'): checks the messaging window, opens the channel token only
/// now, waits for the number's rate limit, POSTs, and records the outcome by Graph error code (docs/agent.md).
/// </summary>
public sealed class DeliverySender(
    DeliveryStore store,
    UnknownOutcomes unknownOutcomes,
    GraphClient graph,
    SecretProtector secrets,
    SendRateLimiter rateLimiter,
    GraphRecovery recovery,
    Fleet.FleetMembership fleet,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    /// <summary>Who holds a lease taken by this process (the worker's claims and the turns' own first parts).</summary>
    public string LeaseOwner => fleet.InstanceId;

    /// <summary>Sends one leased delivery and records the outcome; never throws (a lost outcome is left to the lease).</summary>
    public async Task SendAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var windowProblem = WindowProblem(delivery, out var humanAgentTag);
            if (windowProblem is not null)
            {
                await store.MarkFailedAsync(delivery.Id, delivery.MessageId, 131047, windowProblem, CancellationToken.None);
                DeliveryTelemetry.Failed(delivery.Platform, 131047);
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
            var send = new GraphSend(delivery.Id, delivery.Platform, delivery.AccountId, token, delivery.Recipient, delivery.Body, humanAgentTag,
                delivery.Template, Interactive.ReplyChoices.FromJson(delivery.Choices));
            var result = await graph.SendAsync(send, stoppingToken);
            if (send.Choices is not null && result.Outcome == GraphOutcome.Permanent && result.ErrorCode != 131047)
            {
                // The channel refused the buttons, list or quick replies: plain text always works (contract §5).
                logger.LogInformation("Delivery {DeliveryId}: interactive reply refused (code {Code}); sent as plain text", delivery.Id, result.ErrorCode);
                result = await graph.SendAsync(send with { Choices = null }, stoppingToken);
            }

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
                await recovery.SucceededAsync(delivery.ChannelId);
                break;
            case GraphOutcome.Throttled or GraphOutcome.Transient when delivery.Attempts < settings.MaxAttempts:
                var delay = Backoff(delivery.Attempts, result.RetryAfter);
                logger.LogInformation("Delivery {DeliveryId} {Outcome} (code {Code}); next attempt in {Delay}", delivery.Id, result.Outcome, result.ErrorCode, delay);
                await store.RescheduleAsync(delivery.Id, delay, result.ErrorCode, result.ErrorMessage, CancellationToken.None);
                if (result.Outcome == GraphOutcome.Transient)
                {
                    recovery.Failed(delivery.ChannelId);
                }

                break;
            case GraphOutcome.TokenInvalid:
                logger.LogWarning("Channel {ChannelId} token rejected (190); channel disconnected until the merchant reconnects it", delivery.ChannelId);
                await store.DisconnectChannelAsync(delivery.ChannelId, $"Graph API error 190: {result.ErrorMessage}", CancellationToken.None);
                DeliveryTelemetry.Failed(delivery.Platform, result.ErrorCode);
                // Kept pending: it goes out if the merchant reconnects while the window is still open.
                await store.RescheduleAsync(delivery.Id, TimeSpan.Zero, result.ErrorCode, result.ErrorMessage, CancellationToken.None);
                break;
            case GraphOutcome.Unknown:
                // Left in 'sending', never resent: Meta's status or echo proves it, or the grace period gives it up.
                await unknownOutcomes.EndLeaseAsync(delivery.Id, CancellationToken.None);
                break;
            default:
                logger.LogWarning("Delivery {DeliveryId} failed permanently (code {Code}): {Error}", delivery.Id, result.ErrorCode, result.ErrorMessage);
                await store.MarkFailedAsync(delivery.Id, delivery.MessageId, result.ErrorCode, result.ErrorMessage ?? "Graph API error", CancellationToken.None);
                DeliveryTelemetry.Failed(delivery.Platform, result.ErrorCode);
                break;
        }
    }

    /// <summary>Contract section 5 (<see cref="MessagingWindow"/>): a closed window fails the delivery without sending.</summary>
    private string? WindowProblem(ClaimedDelivery delivery, out bool humanAgentTag)
    {
        if (delivery.Template is not null)
        {
            // An approved template may be sent at any time: that is what templates are for (docs/templates.md).
            humanAgentTag = false;
            return null;
        }

        var verdict = MessagingWindow.Check(delivery.Platform, delivery.Author == "human", delivery.LastCustomerMessageAt, time.GetUtcNow());
        humanAgentTag = verdict == WindowVerdict.HumanAgentTag;
        return verdict == WindowVerdict.Closed ? "The 24-hour customer service window is closed" : null;
    }

    private static TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        var jittered = exponential * (0.5 + Random.Shared.NextDouble() / 2);
        return retryAfter is { } after && after > jittered ? after : jittered;
    }
}
