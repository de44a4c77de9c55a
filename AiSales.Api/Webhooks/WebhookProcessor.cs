using AiSales.Core.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Normalises committed inbox events into customers, conversations and messages. Each worker claims one
/// 'received' event (FOR UPDATE SKIP LOCKED, so workers and API instances never share one), applies all its
/// items and sets its final state in one transaction, and only after that commit hands new pending
/// customer messages to the agent through Redis. A crash anywhere before the commit leaves the event
/// 'received' for the next pass; nothing acknowledged is lost.
/// </summary>
public sealed class WebhookProcessor(
    [FromKeyedServices(WebhookDatabase.Key)] NpgsqlDataSource dataSource,
    WebhookNormaliser normaliser,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    InboundPublisher publisher,
    ILogger<WebhookProcessor> logger) : BackgroundService
{
    private const string ClaimSql = """
        SELECT id, platform, body, received_at
        FROM webhook_events
        WHERE state = 'received'
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
        """;

    private const string FinishSql = $"""
        UPDATE webhook_events e
        SET state = f.state, error = f.error, attempts = e.attempts + 1, processed_at = now()
        FROM unnest($1::bigint[], $2::text[], $3::text[]) AS f (id, state, error)
        WHERE e.id = f.id
        RETURNING {AsyncCommit.Expression}
        """;

    private const string RecordFailureSql = """
        UPDATE webhook_events
        SET attempts = attempts + 1, error = $2,
            state = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE state END,
            processed_at = CASE WHEN attempts + 1 >= $3 THEN now() ELSE processed_at END
        WHERE id = $1 AND state = 'received'
        """;

    // ProcessorWorkers = 0 turns normalisation off in this instance (another instance does it).
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, options.Value.ProcessorWorkers)).Select(_ => Task.Run(() => WorkLoopAsync(stoppingToken), stoppingToken)));

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

                // Drain everything that is waiting, then sleep until an inbox commit or the next poll. A batch smaller
                // than the limit took all there was: the worker sleeps at once instead of claiming (and rolling back) an
                // empty one; events committed meanwhile wake it (WebhookSignal), and those the other worker held are its.
                while (await ProcessBatchAsync(stoppingToken))
                {
                    if (signal.InboxBusy && options.Value.YieldToInbox)
                    {
                        // Under a burst: one batch per pause per worker, so normalisation never stops entirely.
                        await Task.Delay(options.Value.BusyPause, stoppingToken);
                    }
                }

                backoff = TimeSpan.Zero;
                await signal.WaitAsync(options.Value.ProcessorPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Database unreachable, deadlock victim…: keep the API alive and try again later.
                backoff = TimeSpan.FromMilliseconds(Math.Min(5000, Math.Max(200, backoff.TotalMilliseconds * 2)));
                logger.LogWarning(ex, "Webhook processing paused for {Backoff}", backoff);
            }
        }
    }

    /// <summary>
    /// Claims up to ProcessorBatchSize events and applies them in one transaction (one commit for many events).
    /// If that fails for a non-transient reason, each event of the batch is retried alone, so one bad event
    /// cannot hold the others back. Returns true when more may be waiting (the batch was full).
    /// </summary>
    public async Task<bool> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await TryProcessAsync(Math.Max(1, options.Value.ProcessorBatchSize), cancellationToken);
        }
        catch (Exception ex) when (ex is not NpgsqlException { IsTransient: true } && ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "A batch of webhook events failed; retrying its events one by one");
            return await ProcessOneByOneAfterFailureAsync(cancellationToken);
        }
    }

    private async Task<bool> ProcessOneByOneAfterFailureAsync(CancellationToken cancellationToken)
    {
        // Same order as the failed batch: the oldest 'received' events, one transaction each.
        for (var i = 0; i < Math.Max(1, options.Value.ProcessorBatchSize); i++)
        {
            long? eventId = null;
            try
            {
                if (!await TryProcessAsync(1, cancellationToken, onClaim: id => eventId = id))
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is not NpgsqlException { IsTransient: true } && ex is not OperationCanceledException && eventId is not null)
            {
                logger.LogWarning(ex, "Webhook event {EventId} could not be processed", eventId);
                await using var failure = await dataSource.OpenConnectionAsync(CancellationToken.None);
                await Execute(failure, RecordFailureSql, eventId.Value, WebhookJson.ErrorText($"{ex.GetType().Name}: {ex.Message}")!, options.Value.MaxAttempts);
            }
        }

        return true;
    }

    /// <summary>
    /// One transaction: claim, normalise, mark, commit; then publish the new pending messages. True when the batch was full.
    /// BEGIN travels with the claim and COMMIT with the finishing update, so a batch costs no round trip of its own for
    /// either. Should anything fail before the COMMIT ran (in that batch an error skips it), disposing the connection rolls
    /// the transaction back: Npgsql resets a connection returned to its pool.
    /// </summary>
    private async Task<bool> TryProcessAsync(int limit, CancellationToken cancellationToken, Action<long>? onClaim = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var events = new List<ClaimedEvent>();
        await using (var claim = new NpgsqlBatch(connection))
        {
            claim.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            var select = new NpgsqlBatchCommand(ClaimSql);
            select.Parameters.AddWithValue(limit);
            claim.BatchCommands.Add(select);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                events.Add(new ClaimedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2),
                    new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero)));
            }
        }

        if (events.Count == 0)
        {
            await Execute(connection, "ROLLBACK");
            return false;
        }

        if (events.Count == 1)
        {
            onClaim?.Invoke(events[0].Id);
        }

        var replies = await normaliser.NormaliseAsync(connection, events);
        await using (var finish = new NpgsqlBatch(connection))
        {
            // Generic plans first (GenericPlans): custom ones know the arrays' length, so PostgreSQL re-planned this on every batch.
            finish.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {GenericPlans.Expression}"));
            var update = new NpgsqlBatchCommand(FinishSql);
            update.Parameters.AddWithValue(events.Select(e => e.Id).ToArray());
            update.Parameters.AddWithValue(events.Select(e => e.State!).ToArray());
            update.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Value = events.Select(e => WebhookJson.ErrorText(e.Error)).ToArray() });
            finish.BatchCommands.Add(update);
            finish.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        await publisher.PublishAsync(replies);
        return events.Count >= limit;
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
