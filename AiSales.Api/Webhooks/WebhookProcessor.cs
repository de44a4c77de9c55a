using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Normalises committed inbox events into customers, conversations and messages. Each worker claims one
/// 'received' event (FOR UPDATE SKIP LOCKED, so workers and API instances never share one), applies all its
/// items and sets its final state in one transaction, and only after that commit hands new pending
/// customer messages to the agent through Redis. A crash anywhere before the commit leaves the event
/// 'received' for the next pass; nothing acknowledged is lost.
/// </summary>
public sealed class WebhookProcessor(
    NpgsqlDataSource dataSource,
    WebhookStore store,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    IServiceProvider services,
    ILogger<WebhookProcessor> logger) : BackgroundService
{
    private const string ClaimSql = """
        SELECT id, platform, body, received_at, attempts
        FROM webhook_events
        WHERE state = 'received'
        ORDER BY id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private const string FinishSql = """
        UPDATE webhook_events SET state = $2, error = $3, attempts = attempts + 1, processed_at = now() WHERE id = $1
        """;

    private const string RecordFailureSql = """
        UPDATE webhook_events
        SET attempts = attempts + 1, error = $2,
            state = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE state END,
            processed_at = CASE WHEN attempts + 1 >= $3 THEN now() ELSE processed_at END
        WHERE id = $1 AND state = 'received'
        """;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.ProcessorWorkers)).Select(_ => Task.Run(() => WorkLoopAsync(stoppingToken), stoppingToken)));

    private async Task WorkLoopAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (backoff > TimeSpan.Zero)
                {
                    await Task.Delay(backoff, stoppingToken);
                }

                // Drain everything that is waiting, then sleep until an inbox commit or the next poll.
                while (await ProcessOneAsync(stoppingToken))
                {
                }

                backoff = TimeSpan.Zero;
                await signal.WaitAsync(options.Value.ProcessorPollInterval, stoppingToken);
                signal.Wake(); // let the other workers see the same wake-up
                await Task.Yield();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Database unreachable or similar: keep the API alive and try again later.
                backoff = TimeSpan.FromMilliseconds(Math.Min(5000, Math.Max(200, backoff.TotalMilliseconds * 2)));
                logger.LogWarning(ex, "Webhook processing paused for {Backoff}", backoff);
            }
        }
    }

    /// <summary>Claims and processes one event; false when none is waiting.</summary>
    public async Task<bool> ProcessOneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long eventId;
        string platform;
        byte[] body;
        DateTimeOffset receivedAt;
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            eventId = reader.GetInt64(0);
            platform = reader.GetString(1);
            body = reader.GetFieldValue<byte[]>(2);
            receivedAt = new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero);
        }

        List<PendingReply> replies;
        try
        {
            (var state, var error, replies) = await NormaliseAsync(connection, platform, body, receivedAt);
            await Execute(connection, FinishSql, eventId, state, (object?)error ?? DBNull.Value);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not NpgsqlException { IsTransient: true }
                                   && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // A deterministic failure (a bug, a constraint): count it, and park the event as 'failed' after
            // MaxAttempts. Transient ones (connection lost, deadlock) propagate: the loop backs off and retries.
            await transaction.RollbackAsync(CancellationToken.None);
            logger.LogWarning(ex, "Webhook event {EventId} could not be processed", eventId);
            await using var failure = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await Execute(failure, RecordFailureSql, eventId, WebhookJson.Truncate($"{ex.GetType().Name}: {ex.Message}", 2000)!, options.Value.MaxAttempts);
            return true;
        }

        var redis = services.GetService<IConnectionMultiplexer>();
        foreach (var reply in replies)
        {
            await InboundQueue.TryPublishAsync(redis, reply.MessageId, reply.ConversationId, reply.MerchantId, logger);
        }

        return true;
    }

    private async Task<(string State, string? Error, List<PendingReply> Replies)> NormaliseAsync(
        NpgsqlConnection connection, string platform, byte[] body, DateTimeOffset receivedAt)
    {
        var replies = new List<PendingReply>();
        List<WebhookItem> items;
        try
        {
            items = WebhookParser.Parse(platform, body);
        }
        catch (WebhookShapeException ex)
        {
            return ("unparsed", ex.Message, replies);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            return ("unparsed", WebhookJson.Truncate($"{ex.GetType().Name}: {ex.Message}", 2000), replies);
        }

        var routes = new Dictionary<string, WebhookRoute?>(StringComparer.Ordinal);
        var unrouted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var route = await RouteAsync(connection, platform, item.AccountId, routes)
                ?? await RouteAsync(connection, platform, item.FallbackAccountId, routes);
            if (route is null)
            {
                unrouted.Add(item.AccountId ?? item.FallbackAccountId ?? "(none)");
                continue;
            }

            var timestamp = item.Timestamp ?? receivedAt;
            switch (item)
            {
                case CustomerMessage message:
                    if (await store.StoreCustomerMessageAsync(connection, platform, route, message, timestamp) is { } reply)
                    {
                        replies.Add(reply);
                    }

                    break;
                case EchoMessage echo:
                    await store.StoreEchoAsync(connection, route, echo, timestamp);
                    break;
                case StatusUpdate status:
                    await store.ApplyStatusAsync(connection, route, status, timestamp);
                    break;
                case ReactionUpdate reaction:
                    await store.ApplyReactionAsync(connection, platform, route, reaction, timestamp);
                    break;
                case MessageDeleted deleted:
                    await store.ApplyDeleteAsync(connection, route, deleted, timestamp);
                    break;
                case ReadReceipt read:
                    await store.ApplyReadAsync(connection, route, read, timestamp);
                    break;
            }
        }

        // Routed items are applied either way; replaying an unrouted event after connecting the channel is safe.
        return unrouted.Count > 0
            ? ("unrouted", WebhookJson.Truncate("Unknown account(s): " + string.Join(", ", unrouted), 2000), replies)
            : ("processed", null, replies);
    }

    private async Task<WebhookRoute?> RouteAsync(NpgsqlConnection connection, string platform, string? accountId, Dictionary<string, WebhookRoute?> routes)
    {
        if (string.IsNullOrEmpty(accountId) || accountId.Length > 64)
        {
            return null;
        }

        if (!routes.TryGetValue(accountId, out var route))
        {
            route = await store.RouteAsync(connection, platform, accountId);
            routes[accountId] = route;
        }

        return route;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
