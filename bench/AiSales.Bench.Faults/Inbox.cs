using Npgsql;

namespace AiSales.Bench.Faults;

/// <summary>What PostgreSQL holds after a scenario: acknowledged messages missing from `messages`, deliveries by state.</summary>
public static class Inbox
{
    /// <summary>
    /// Acknowledged wamids (flood and live DMs) not in `messages`, waiting up to <paramref name="wait"/> for the
    /// normaliser to catch up (an acknowledged body may still be in `webhook_events`: late, not lost).
    /// </summary>
    public static async Task<int> MissingAsync(string database, FloodLoad flood, LiveConversations live, TimeSpan wait)
    {
        var acked = flood.Requests.Where(r => r.Status == 200).Select(r => r.Wamid)
            .Concat(live.Acked.Keys.Select(LiveConversations.Wamid))
            .ToArray();
        await using var db = NpgsqlDataSource.Create(database);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            await using var command = db.CreateCommand("SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = ANY($1)");
            command.Parameters.AddWithValue(acked);
            var missing = acked.Length - (int)(long)(await command.ExecuteScalarAsync())!;
            if (missing == 0 || DateTime.UtcNow > deadline)
            {
                return missing;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>Outbound deliveries by state (and failed ones whose outcome was unknown), e.g. "sent 412, failed 3 (3 outcome unknown)".</summary>
    public static async Task<string> DeliveryStatesAsync(string database)
    {
        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand("""
            SELECT state, count(*), count(*) FILTER (WHERE outcome_unknown) FROM outbound_deliveries GROUP BY state ORDER BY state
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            var unknown = reader.GetInt64(2);
            parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}{(unknown > 0 ? $" ({unknown} outcome unknown)" : "")}");
        }

        return string.Join(", ", parts);
    }
}
