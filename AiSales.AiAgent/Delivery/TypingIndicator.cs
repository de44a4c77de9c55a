using System.Threading.Channels;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Delivery;

/// <summary>Who to show "seen" and "typing…" to, and through which channel.</summary>
public sealed record TypingTarget(Guid MerchantId, string Platform, string AccountId, SealedSecret Token, string Recipient, string? LastMessageExternalId);

/// <summary>One turn's request for "seen" and "typing…": once the turn has its reply, "typing…" is no longer true.</summary>
public sealed class TypingSignal(TypingTarget target, long queuedAt)
{
    private volatile bool _replied;

    public TypingTarget Target { get; } = target;

    public long QueuedAt { get; } = queuedAt;

    /// <summary>The turn committed its reply: only the read receipt still makes sense, never "typing…" after the answer.</summary>
    public bool Replied => _replied;

    public void MarkReplied() => _replied = true;
}

/// <summary>
/// Best effort "seen" and "typing…" when a turn starts (contract §5). The turn only queues the request and never waits
/// on it; <see cref="TypingSender"/> sends the queue with a few connections. A full queue drops the request instead of
/// growing: at 200 DMs/s a request per turn, each on its own task and connection, cost more agent CPU than the turn
/// itself and timed-out requests kept opening new connections (docs/benchmarks.md).
/// </summary>
public sealed class TypingIndicator
{
    public const int QueueCapacity = 512;

    private readonly Channel<TypingSignal> _queue = Channel.CreateBounded<TypingSignal>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait }); // TryWrite then refuses when full

    private readonly TimeProvider _time;

    public TypingIndicator(TimeProvider time, IOptions<DeliveryOptions> options)
    {
        _time = time;
        Enabled = options.Value.TypingConcurrency > 0;
    }

    public bool Enabled { get; }

    internal ChannelReader<TypingSignal> Queue => _queue.Reader;

    /// <summary>Queues the request; returns the signal the turn marks once it has committed its reply.</summary>
    public TypingSignal? Start(TypingTarget target)
    {
        if (!Enabled)
        {
            return null;
        }

        var signal = new TypingSignal(target, _time.GetTimestamp());
        return _queue.Writer.TryWrite(signal) ? signal : null;
    }
}
