using System.Threading.RateLimiting;
using AiSales.AiAgent.Fleet;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// A token bucket per business number (Meta's per-number throughput, <c>Delivery__MessagesPerSecondPerNumber</c>),
/// shared by this process's senders and sized to this process's share of the fleet (<see cref="FleetMembership"/>):
/// with two agent processes each sends at most half, so the limit holds across the fleet without a round trip per
/// send. When the fleet grows or shrinks, the next send builds the bucket for the new share; sends still queued on
/// the old bucket move to the new one.
/// </summary>
public sealed class SendRateLimiter(IOptions<DeliveryOptions> options, FleetMembership fleet) : IDisposable
{
    private readonly Dictionary<string, (int Fleet, TokenBucketRateLimiter Bucket)> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(string accountId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var bucket = BucketFor(accountId, fleet.Size);
            try
            {
                using var lease = await bucket.AcquireAsync(1, cancellationToken);
                if (lease.IsAcquired)
                {
                    return;
                }
            }
            catch (ObjectDisposedException)
            {
            }
            // The bucket was replaced for a new fleet size while this send waited: wait on the new one.
        }
    }

    private TokenBucketRateLimiter BucketFor(string accountId, int size)
    {
        lock (_lock)
        {
            if (_buckets.TryGetValue(accountId, out var current) && current.Fleet == size)
            {
                return current.Bucket;
            }

            var share = FleetShare.Of(options.Value.MessagesPerSecondPerNumber, size);
            var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = share.Tokens,
                TokensPerPeriod = share.Tokens,
                ReplenishmentPeriod = share.Period,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            _buckets[accountId] = (size, bucket);
            current.Bucket?.Dispose(); // its queued sends get a failed lease and come back here
            return bucket;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (_, bucket) in _buckets.Values)
            {
                bucket.Dispose();
            }

            _buckets.Clear();
        }
    }
}
