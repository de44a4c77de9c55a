using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AiSales.Core.Data;

/// <summary>
/// Redis only speeds things up (contract section 8): when it is down or not configured the service is
/// degraded, never unhealthy, so orchestrators keep routing webhooks to it.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection? connection = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connection is null)
        {
            return HealthCheckResult.Degraded("redis not configured; PostgreSQL alone carries the work");
        }

        if (connection.Current is not { } redis)
        {
            return HealthCheckResult.Degraded("redis connection still being created; PostgreSQL alone carries the work");
        }

        if (!redis.IsConnected)
        {
            // The multiplexer reconnects in the background; no need to wait for a ping to time out.
            return HealthCheckResult.Degraded("redis unreachable; PostgreSQL alone carries the work");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("redis unreachable; PostgreSQL alone carries the work", ex);
        }
    }
}
