namespace AiSales.Api.Webhooks;

/// <summary>Meta__AppSecret and Meta__VerifyToken (required, checked at start-up) and the ingestion tuning knobs.</summary>
public sealed class WebhookOptions
{
    public const int MaxBodyBytes = 1024 * 1024;

    public string AppSecret { get; set; } = "";

    public string VerifyToken { get; set; } = "";

    /// <summary>Concurrent group-commit writers into webhook_events.</summary>
    public int InboxWriters { get; set; } = 2;

    /// <summary>Most events one inbox transaction carries.</summary>
    public int InboxBatchSize { get; set; } = 512;

    /// <summary>Bytes of webhook bodies that may wait in memory for their commit; past it, 503 at once (Meta retries).</summary>
    public long InboxMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a request waits for its commit before answering 503 (Meta retries).</summary>
    public TimeSpan InboxCommitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Concurrent normalisation workers (0 = none in this instance).</summary>
    public int ProcessorWorkers { get; set; } = 2;

    /// <summary>Most events one normalisation transaction claims.</summary>
    public int ProcessorBatchSize { get; set; } = 64;

    /// <summary>How often the processor looks for received events when nothing woke it.</summary>
    public TimeSpan ProcessorPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Under sustained inbox load, pause between normalisation batches (ingestion first).</summary>
    public bool YieldToInbox { get; set; } = true;

    /// <summary>The pause between normalisation batches while the inbox is busy.</summary>
    public TimeSpan BusyPause { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long one normalised batch may wait for Redis (XADD + nudge) before Redis is skipped.</summary>
    public TimeSpan RedisBatchBudget { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long Redis is skipped after a batch overran its budget (unless the probe finds it well sooner).</summary>
    public TimeSpan RedisSkipFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a skipped Redis is probed (PING within the batch budget).</summary>
    public TimeSpan RedisProbeInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts before an event that keeps failing is parked as 'failed'.</summary>
    public int MaxAttempts { get; set; } = 5;
}
