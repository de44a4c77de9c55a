namespace AiSales.Api.Webhooks;

/// <summary>
/// One verified body waiting for the inbox. Exactly one side wins it: a writer claims it for a commit, or the
/// request that gave up (timed out, cancelled) abandons it, and an abandoned body is never inserted. The body is
/// dropped on abandon so that what still sits in the queue costs only <see cref="Overhead"/> bytes.
/// </summary>
public sealed class InboxItem(string platform, byte[] body, DateTimeOffset deadline)
{
    /// <summary>What a queued item costs beyond its body (the object, the queue slot), charged until dequeued.</summary>
    public const int Overhead = 512;

    private const int Queued = 0, Claimed = 1, Abandoned = 2;
    private int _state;

    public string Platform { get; } = platform;

    public byte[] Body { get; private set; } = body;

    public int BodyLength { get; } = body.Length;

    /// <summary>When its request stops waiting: PostgreSQL inserts the body only before this moment.</summary>
    public DateTimeOffset Deadline { get; } = deadline;

    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The writer's side: true if the body is still wanted and is now this writer's to commit.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Claimed, Queued) == Queued;

    /// <summary>The request's side: true if no writer has it yet, and none ever will.</summary>
    public bool TryAbandon()
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, Queued) != Queued)
        {
            return false;
        }

        Body = [];
        return true;
    }
}
