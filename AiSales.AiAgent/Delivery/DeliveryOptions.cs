namespace AiSales.AiAgent.Delivery;

/// <summary>Tuning of the outbound sender (Delivery__*). The defaults suit production; tests shorten the times.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Per business number (WhatsApp phone_number_id / Instagram account), across all agent processes.</summary>
    public int MessagesPerSecondPerNumber { get; set; } = 80;

    /// <summary>How long a claimed delivery belongs to its worker; longer than one send with its retries.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>After a lease expires, how long to wait for a status webhook or echo before giving up on it.</summary>
    public int ReconciliationGraceSeconds { get; set; } = 120;

    /// <summary>Throttled sends are rescheduled; after this many attempts the delivery fails.</summary>
    public int MaxAttempts { get; set; } = 8;

    public int PollIntervalMilliseconds { get; set; } = 500;

    public int BatchSize { get; set; } = 32;

    /// <summary>One HTTP attempt to the Graph API.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>The read receipt and typing indicator at a turn's start: one attempt, never retried, at most this long.</summary>
    public int TypingTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>Read receipts and typing indicators sent at once (and connections for them); 0 turns them off.</summary>
    public int TypingConcurrency { get; set; } = 4;

    /// <summary>How often each agent process refreshes its row in agent_instances (the fleet's size shares the send limit).</summary>
    public int InstanceHeartbeatSeconds { get; set; } = 5;
}
