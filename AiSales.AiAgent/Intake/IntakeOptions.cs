namespace AiSales.AiAgent.Intake;

/// <summary>Intake tuning (Intake__*).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Quiet time after a conversation's last message before answering: a burst gets one reply.</summary>
    public int DebounceMilliseconds { get; set; } = 400;

    /// <summary>A steady stream of messages is still answered after this long.</summary>
    public int MaxDebounceMilliseconds { get; set; } = 2000;

    /// <summary>Pending messages older than this are picked up from PostgreSQL (Redis lost or never got them).</summary>
    public int PollAgeSeconds { get; set; } = 2;

    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Conversations answered at once by this process. A turn holds no connection while the model thinks, so with a
    /// hosted model most of them are only waiting (200 new conversations/s × 1.6 s ≈ 320 in flight).
    /// </summary>
    public int MaxConcurrentConversations { get; set; } = 1000;

    /// <summary>
    /// A message is not answered while an earlier webhook event (that may hold an earlier message of the same customer)
    /// received less than this long ago is still being normalised (contract §4 rule 9).
    /// </summary>
    public int OrderingWaitSeconds { get; set; } = 10;

    /// <summary>Stream entries unacknowledged this long (their consumer died) are claimed by another.</summary>
    public int StaleEntrySeconds { get; set; } = 30;
}
