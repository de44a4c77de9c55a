using AiSales.AiAgent.Infrastructure;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AiSales.AiAgent.Intake;

/// <summary>
/// Reads "aisales:inbound" in the consumer group "ai-agent": each entry goes to exactly one agent instance,
/// is acknowledged only after the turn that saw it committed, and an entry whose consumer died is claimed
/// by another after <see cref="IntakeOptions.StaleEntrySeconds"/>. Redis is optional: without it this loop
/// idles and the PostgreSQL poller does the work.
/// </summary>
public sealed class InboundStreamConsumer(
    IServiceProvider services, ConversationScheduler scheduler, IOptions<IntakeOptions> options, ILogger<InboundStreamConsumer> logger)
    : BackgroundService
{
    // The API publishes a nudge after adding entries, so an idle consumer wakes at once; the poll is the fallback.
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(250);
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}";
    private readonly WakeSignal _nudged = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            logger.LogInformation("No Redis configured: inbound work comes from PostgreSQL polling only");
            return;
        }

        var groupReady = false;
        var subscribed = false;
        var nextClaim = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!redis.IsConnected)
                {
                    groupReady = false;
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                var db = redis.GetDatabase();
                if (!groupReady)
                {
                    await EnsureGroupAsync(db);
                    groupReady = true;
                    subscribed = subscribed || await RedisNudge.TrySubscribeAsync(redis, InboundQueue.NudgeChannel, _nudged.Notify, logger);
                }

                var entries = await db.StreamReadGroupAsync(InboundQueue.StreamKey, InboundQueue.ConsumerGroup, _consumer, ">", count: 100);
                if (DateTime.UtcNow >= nextClaim)
                {
                    var stale = await db.StreamAutoClaimAsync(
                        InboundQueue.StreamKey, InboundQueue.ConsumerGroup, _consumer,
                        minIdleTimeInMs: options.Value.StaleEntrySeconds * 1000L, startAtId: "0-0", count: 100);
                    entries = [.. entries, .. stale.ClaimedEntries];
                    nextClaim = DateTime.UtcNow.AddSeconds(Math.Max(1, options.Value.StaleEntrySeconds / 3.0));
                }

                foreach (var entry in entries)
                {
                    Dispatch(db, entry, stoppingToken);
                }

                if (entries.Length == 0)
                {
                    await _nudged.WaitAsync(IdleDelay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                if (ex.Message.Contains("NOGROUP", StringComparison.Ordinal))
                {
                    groupReady = false;
                }

                logger.LogDebug(ex, "Inbound stream unavailable; PostgreSQL polling covers it");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private void Dispatch(IDatabase db, StreamEntry entry, CancellationToken stoppingToken)
    {
        var conversation = entry[InboundQueue.ConversationIdField];
        if (!Guid.TryParse(conversation.ToString(), out var conversationId))
        {
            _ = AckAsync(db, entry.Id);
            return;
        }

        scheduler.Notify(conversationId, debounce: true, () => AckAsync(db, entry.Id), stoppingToken);
    }

    private async Task AckAsync(IDatabase db, RedisValue id)
    {
        try
        {
            await db.StreamAcknowledgeAsync(InboundQueue.StreamKey, InboundQueue.ConsumerGroup, id);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Unacknowledged: another instance claims it later and finds nothing pending. Harmless.
            logger.LogDebug(ex, "XACK of {EntryId} failed", id);
        }
    }

    private static async Task EnsureGroupAsync(IDatabase db)
    {
        try
        {
            await db.StreamCreateConsumerGroupAsync(InboundQueue.StreamKey, InboundQueue.ConsumerGroup, "$", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Created by another instance: fine.
        }
    }
}
