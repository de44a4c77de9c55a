using System.Collections.Concurrent;
using Npgsql;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// When the Graph API comes back after an outage, the replies it held back go out at once instead of at the end of each
/// one's back-off (which doubles per attempt and, after a minute of 500s, is already tens of seconds long). A channel
/// whose send failed transiently (HTTP 5xx, codes 1 and 2) is remembered by this process; the next send on it that
/// succeeds makes that channel's transiently failed deliveries due now. Throttled ones keep their Retry-After, and the
/// per-number send limit still paces the catch-up. docs/agent.md, "Delivery".
/// </summary>
public sealed class GraphRecovery(NpgsqlDataSource dataSource, DeliverySignal signal, ILogger<GraphRecovery> logger)
{
    // A delivery rescheduled after a transient error (an HTTP 5xx without a Graph code counts as one, as in Classify).
    private const string DueNowSql = """
        UPDATE outbound_deliveries
        SET next_attempt_at = now(), updated_at = now()
        WHERE channel_id = $1 AND state = 'pending' AND next_attempt_at > now() AND coalesce(error_code, 2) = ANY($2)
        """;

    private readonly ConcurrentDictionary<Guid, byte> _failing = new();

    /// <summary>A send on this channel failed with a transient error and was rescheduled.</summary>
    public void Failed(Guid channelId) => _failing.TryAdd(channelId, 0);

    /// <summary>A send on this channel went through: if it had been failing, its held-back deliveries are due now.</summary>
    public async Task SucceededAsync(Guid channelId)
    {
        if (_failing.IsEmpty || !_failing.TryRemove(channelId, out _))
        {
            return;
        }

        try
        {
            await using var command = dataSource.CreateCommand(DueNowSql);
            command.Parameters.AddWithValue(channelId);
            command.Parameters.AddWithValue(GraphSendResult.TransientCodes);
            var due = await command.ExecuteNonQueryAsync();
            if (due > 0)
            {
                logger.LogInformation("Graph API answering again on channel {ChannelId}: {Count} held-back deliveries are due now", channelId, due);
                signal.Notify();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Their back-off still brings them; the next success on this channel tries again.
            _failing.TryAdd(channelId, 0);
            logger.LogWarning(ex, "Could not bring channel {ChannelId}'s held-back deliveries forward", channelId);
        }
    }
}
