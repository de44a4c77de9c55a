using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Webhooks;

/// <summary>
/// The durable inbox with group commit. Requests hand their verified raw body to a few in-process writers;
/// each writer inserts everything that queued up while its previous commit was in flight as one multi-row
/// INSERT (one transaction, one WAL flush) and completes every request's task only after COMMIT. One
/// commit per webhook is the ceiling this beats; a failed commit fails the whole batch (503 to each).
/// Memory is bounded (contract section 4 rule 10): bodies are admitted within <see cref="WebhookOptions.InboxMaxBytes"/>,
/// else 503 at once; a request that gives up before a writer took its body withdraws it (never inserted later),
/// and a body a writer did send carries its request's deadline into the INSERT, so PostgreSQL resuming after a
/// freeze does not store what was already answered 503 (the hosts' clocks are assumed NTP-synchronised).
/// </summary>
public sealed class WebhookInbox(
    [FromKeyedServices(WebhookDatabase.Key)] NpgsqlDataSource dataSource,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    WebhookSignal signal,
    ILogger<WebhookInbox> logger) : BackgroundService
{
    // Requests queueing up behind a commit mean sustained load: normalisation then gives way (see WebhookSignal).
    // Commits this full mean thousands of webhooks a second (at a few hundred a second they carry one or two).
    private const int BusyBatchSize = 32;

    private readonly Channel<InboxItem> _queue = Channel.CreateUnbounded<InboxItem>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly InboxBudget _budget = new(options.Value.InboxMaxBytes);

    private readonly int _commandTimeoutSeconds = InboxTimeouts.CommandSeconds(
        options.Value.InboxCommitTimeout, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Timeout);

    /// <summary>Bytes of bodies held in memory now (queued or being committed).</summary>
    public long QueuedBytes => _budget.Used;

    /// <summary>Completes once the body is committed; throws <see cref="InboxUnavailableException"/> otherwise.</summary>
    public async Task AppendAsync(string platform, byte[] body, CancellationToken cancellationToken)
    {
        if (!_budget.TryReserve(body.Length + InboxItem.Overhead))
        {
            throw new InboxUnavailableException("The inbox is full.");
        }

        var item = new InboxItem(platform, body, timeProvider.GetUtcNow() + options.Value.InboxCommitTimeout);
        if (!_queue.Writer.TryWrite(item))
        {
            _budget.Release(body.Length + InboxItem.Overhead);
            throw new InboxUnavailableException("The inbox is shutting down.");
        }

        try
        {
            await item.Committed.Task.WaitAsync(options.Value.InboxCommitTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            if (item.TryAbandon())
            {
                _budget.Release(item.BodyLength);
                throw new InboxUnavailableException("The inbox commit did not start in time; the event was withdrawn.", ex);
            }

            // A writer already sent it to PostgreSQL: its commit decides (bounded by the command timeout), so the
            // answer never says 503 for an event that is then stored.
            await item.Committed.Task;
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
        var batch = new List<InboxItem>(batchSize);
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

    private async Task CommitAsync(List<InboxItem> queued)
    {
        // Items are claimed only once a connection is open: while PostgreSQL hangs, waiting requests can still give
        // up and withdraw their bodies instead of being inserted behind Meta's back after their 503.
        List<InboxItem> batch = [];
        var claimed = false;
        var admitted = new HashSet<int>();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            (batch, claimed) = (Claim(queued), true);
            if (batch.Count == 0)
            {
                return;
            }

            await using var command = InboxInsert.Command(connection, batch, _commandTimeoutSeconds);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                admitted.Add((int)reader.GetInt64(0) - 1);
            }
        }
        catch (Exception ex)
        {
            batch = claimed ? batch : Claim(queued);
            logger.LogWarning(ex, "Could not commit {Count} webhook events to the inbox; answering 503 so Meta retries", batch.Count);
            var failure = new InboxUnavailableException("The database is unavailable.", ex);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetException(failure);
            }

            return;
        }
        finally
        {
            _budget.Release(batch.Sum(e => (long)e.BodyLength + InboxItem.Overhead));
        }

        var late = new InboxUnavailableException("The event reached the database after its request gave up; it was not stored.");
        for (var i = 0; i < batch.Count; i++)
        {
            if (admitted.Contains(i))
            {
                batch[i].Committed.TrySetResult();
            }
            else
            {
                batch[i].Committed.TrySetException(late);
            }
        }

        if (batch.Count >= BusyBatchSize)
        {
            signal.MarkInboxBusy();
        }

        if (admitted.Count > 0)
        {
            signal.Wake(admitted.Count);
        }
    }

    /// <summary>The items still wanted, now this writer's; a withdrawn one gives back the last of its budget.</summary>
    private List<InboxItem> Claim(List<InboxItem> queued)
    {
        var claimed = new List<InboxItem>(queued.Count);
        foreach (var item in queued)
        {
            if (item.TryClaim())
            {
                claimed.Add(item);
            }
            else
            {
                _budget.Release(InboxItem.Overhead);
            }
        }

        return claimed;
    }
}
