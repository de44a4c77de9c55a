namespace AiSales.Core.Operations;

/// <summary>
/// What the operations gauges report, as read by one sample: the oldest work still waiting in each inbox, the
/// conversations whose turn failed and waits for a retry, and the channels a merchant must reconnect.
/// </summary>
public sealed record OperationsSnapshot(
    DateTimeOffset? OldestUnprocessedWebhook,
    DateTimeOffset? OldestPendingReply,
    long ParkedTurns,
    IReadOnlyList<DisconnectedChannels> Disconnected)
{
    public static readonly OperationsSnapshot Empty = new(null, null, 0, []);

    /// <summary>How long the oldest item has waited at <paramref name="now"/>; 0 when nothing waits.</summary>
    public static double AgeSeconds(DateTimeOffset? oldest, DateTimeOffset now) =>
        oldest is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0;
}

/// <summary>Disconnected channels of one platform, by the Graph error code that disconnected them ("190" or "other").</summary>
public sealed record DisconnectedChannels(string Platform, string ErrorCode, long Count);
