using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Delivery;

/// <summary>A token bucket per business number (Meta's per-number throughput), shared by this process's senders.</summary>
public sealed class SendRateLimiter(IOptions<DeliveryOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _limiters = new();

    public async ValueTask WaitAsync(string accountId, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd(accountId, _ =>
        {
            var rate = Math.Max(1, options.Value.MessagesPerSecondPerNumber);
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate,
                TokensPerPeriod = rate,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
