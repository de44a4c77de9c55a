using Microsoft.Extensions.Options;

namespace AiSales.Api.Webhooks;

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
