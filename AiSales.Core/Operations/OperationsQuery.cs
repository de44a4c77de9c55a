using Npgsql;

namespace AiSales.Core.Operations;

/// <summary>
/// Reads an <see cref="OperationsSnapshot"/> in one round trip. Every part is cheap whatever the tables' size: the
/// webhook and reply backlogs read partial indexes that hold only waiting rows (ix_webhook_events_received,
/// ix_messages_reply_pending), parked turns the partial index ix_conversations_turn_failures, and channels are one
/// row per merchant and platform.
/// </summary>
public sealed class OperationsQuery(NpgsqlDataSource dataSource)
{
    // "Graph API error 190: …" is how DeliveryStore.DisconnectChannelAsync words a rejected token.
    private const string Sql = """
        SELECT (SELECT received_at FROM webhook_events WHERE state = 'received' ORDER BY id LIMIT 1),
               (SELECT min(created_at) FROM messages WHERE reply_state = 'pending'),
               (SELECT count(*) FROM conversations WHERE turn_failures > 0),
               NULL::text, NULL::text, 0::bigint
        UNION ALL
        SELECT NULL, NULL, 0, platform,
               CASE WHEN status_reason LIKE 'Graph API error 190%' THEN '190' ELSE 'other' END, count(*)
        FROM channels WHERE status = 'disconnected'
        GROUP BY 4, 5
        """;

    public async Task<OperationsSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var webhook = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
        var reply = reader.IsDBNull(1) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(1);
        var parked = reader.GetInt64(2);
        var disconnected = new List<DisconnectedChannels>();
        while (await reader.ReadAsync(cancellationToken))
        {
            disconnected.Add(new DisconnectedChannels(reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
        }

        return new OperationsSnapshot(webhook, reply, parked, disconnected);
    }
}
