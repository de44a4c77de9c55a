using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AiSales.Core.Messaging;

/// <summary>
/// Best-effort pub/sub wake-ups between processes ("there is work in PostgreSQL or the stream"). Losing one only
/// costs the receiver's next poll, so a missing or unavailable Redis is logged and otherwise ignored.
/// </summary>
public static class RedisNudge
{
    public static async Task PublishAsync(
        IConnectionMultiplexer? redis, string channel, RedisValue message, ILogger logger, LogLevel failureLevel = LogLevel.Debug)
    {
        if (redis is not { IsConnected: true })
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.Log(failureLevel, ex, "Nudge on {Channel} not published; the receiver polls", channel);
        }
    }

    /// <summary>Calls <paramref name="onNudge"/> for every nudge on the channel; false when Redis refused the subscription.</summary>
    public static async Task<bool> TrySubscribeAsync(IConnectionMultiplexer redis, string channel, Action onNudge, ILogger logger)
    {
        try
        {
            // Re-established by the multiplexer after a reconnect.
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel), (_, _) => onNudge());
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Nudges on {Channel} unavailable for now; polling only", channel);
            return false;
        }
    }
}
