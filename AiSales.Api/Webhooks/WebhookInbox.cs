using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Webhooks;

/// <summary>The inbox could not commit (database unreachable, timeout): the caller answers 503 so Meta retries.</summary>
public sealed class InboxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The durable inbox with group commit. Requests hand their verified raw body to a few in-process writers;
/// each writer inserts everything that queued up while its previous commit was in flight as one multi-row
/// INSERT (one transaction, one WAL flush) and completes every request's task only after COMMIT. One
/// commit per webhook is the ceiling this beats; a failed commit fails the whole batch (503 to each).
/// </summary>
public sealed class WebhookInbox(
    NpgsqlDataSource dataSource,
    IOptions<WebhookOptions> options,
    WebhookSignal signal,
    ILogger<WebhookInbox> logger) : BackgroundService
{
    private const string InsertSql = """
        INSERT INTO webhook_events (platform, body)
        SELECT platform, body FROM unnest($1::text[], $2::bytea[]) AS e (platform, body)
        """;

    // Requests queueing up behind a commit mean sustained load: normalisation then gives way (see WebhookSignal).
    // Commits this full mean thousands of webhooks a second (at a few hundred a second they carry one or two).
    private const int BusyBatchSize = 32;

    private readonly Channel<PendingEvent> _queue = Channel.CreateUnbounded<PendingEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    /// <summary>Completes once the body is committed; throws <see cref="InboxUnavailableException"/> otherwise.</summary>
    public async Task AppendAsync(string platform, byte[] body, CancellationToken cancellationToken)
    {
        var pending = new PendingEvent(platform, body);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InboxUnavailableException("The inbox is shutting down.");
        }

        try
        {
            await pending.Committed.Task.WaitAsync(options.Value.InboxCommitTimeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new InboxUnavailableException("The inbox commit did not finish in time.", ex);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.InboxWriters)).Select(_ => WriteLoopAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop taking new events, then let the writers drain what is queued before the host stops.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var batchSize = Math.Max(1, options.Value.InboxBatchSize);
        var batch = new List<PendingEvent>(batchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (batch.Count < batchSize && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                if (batch.Count > 0)
                {
                    await CommitAsync(batch);
                    batch.Clear();
                }
            }
        }
        catch (ChannelClosedException)
        {
        }

        foreach (var leftover in batch)
        {
            leftover.Committed.TrySetException(new InboxUnavailableException("The inbox stopped."));
        }
    }

    private async Task CommitAsync(List<PendingEvent> batch)
    {
        try
        {
            await using var command = dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = batch.Select(e => e.Platform).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = batch.Select(e => e.Body).ToArray() });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not commit {Count} webhook events to the inbox; answering 503 so Meta retries", batch.Count);
            var failure = new InboxUnavailableException("The database is unavailable.", ex);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(failure);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Committed.TrySetResult();
        }

        if (batch.Count >= BusyBatchSize)
        {
            signal.MarkInboxBusy();
        }

        signal.Wake(batch.Count);
    }

    private sealed record PendingEvent(string Platform, byte[] Body)
    {
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// Wakes the processor right after an inbox commit, instead of waiting for its next poll, and tells it when
/// the inbox is under sustained load: acknowledging Meta has priority over normalising (which catches up
/// when the burst ends), because a slow 200 makes Meta retry and eventually disable the webhook.
/// </summary>
public sealed class WebhookSignal(TimeProvider timeProvider, IOptions<WebhookOptions> options)
{
    private static readonly TimeSpan BusyWindow = TimeSpan.FromMilliseconds(200);

    // At most one permit per worker: a wake-up reaches a worker once, and nobody re-signals (no idle spinning).
    private readonly int _workers = Math.Max(1, options.Value.ProcessorWorkers);
    private readonly int _batchSize = Math.Max(1, options.Value.ProcessorBatchSize);
    private readonly SemaphoreSlim _signal = new(0, Math.Max(1, options.Value.ProcessorWorkers));
    private long _busyUntil;

    public bool InboxBusy => timeProvider.GetTimestamp() < Interlocked.Read(ref _busyUntil);

    public void MarkInboxBusy() =>
        Interlocked.Exchange(ref _busyUntil, timeProvider.GetTimestamp() + (long)(BusyWindow.TotalSeconds * timeProvider.TimestampFrequency));

    /// <summary>
    /// Wakes as many workers as the committed events need (one per processor batch): a commit of one or two events
    /// wakes one worker, and the others do not claim and roll back an empty transaction. A worker drains everything
    /// waiting before it sleeps again, so one permit per commit is never lost work.
    /// </summary>
    public void Wake(int events)
    {
        var wanted = Math.Clamp((events + _batchSize - 1) / _batchSize, 1, _workers);
        var missing = wanted - _signal.CurrentCount;
        if (missing > 0)
        {
            try
            {
                _signal.Release(missing);
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke them at the same moment.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
