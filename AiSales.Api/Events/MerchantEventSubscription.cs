using System.Threading.Channels;

namespace AiSales.Api.Events;

/// <summary>
/// One open stream's queue. It is bounded (a stalled reader must not hold memory); when its oldest event is dropped the
/// stream is told once, with a "reset" event, so that the client reloads instead of silently missing a change.
/// </summary>
public sealed class MerchantEventSubscription
{
    private const int Capacity = 256;
    private int _missed;

    public MerchantEventSubscription() =>
        Channel = System.Threading.Channels.Channel.CreateBounded<MerchantEvent>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Exchange(ref _missed, 1));

    public Channel<MerchantEvent> Channel { get; }

    /// <summary>True once after events were dropped.</summary>
    public bool TakeMissed() => Interlocked.Exchange(ref _missed, 0) == 1;
}
