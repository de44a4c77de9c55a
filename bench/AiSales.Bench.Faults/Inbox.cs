using Npgsql;

namespace AiSales.Bench.Faults;

/// <summary>What PostgreSQL holds after a scenario: acknowledged messages missing from `messages`, deliveries by state.</summary>
public static class Inbox
{
    /// <summary>
    /// Acknowledged wamids (flood and live DMs) not in `messages`, waiting up to <paramref name="wait"/> for the
    /// normaliser to catch up; then, in one snapshot, those still queued (in a `webhook_events` body not yet normalised:
    /// late, not lost) and those in neither (lost).
    /// </summary>
    public static async Task<(int Lost, int Queued)> MissingAsync(string database, FloodLoad flood, LiveConversations live, TimeSpan wait)
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
            if (missing == 0)
            {
                return (0, 0);
            }

            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        // The suite's own wamids are 'wamid.flood<digits><hex>' and 'wamid.live<digits>': found in the raw bodies.
        await using var split = db.CreateCommand("""
            WITH missing AS (
                SELECT w FROM unnest($1::text[]) w
                WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.platform = 'whatsapp' AND m.external_id = w)),
            queued AS (
                SELECT DISTINCT substring(encode(body, 'escape') FROM 'wamid\.(?:flood|live)[0-9a-f]+') AS w
                FROM webhook_events WHERE state = 'received')
            SELECT count(*) FILTER (WHERE q.w IS NULL), count(q.w) FROM missing LEFT JOIN queued q USING (w)
            """);
        split.Parameters.AddWithValue(acked);
        await using var reader = await split.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>
    /// Of these customers (their live DM's wamids), how many have a conversation a person now holds: given up by the AI
    /// with a reason (a reply that may not have reached them), so not left in silence.
    /// </summary>
    public static async Task<int> HandedOverAsync(string database, IReadOnlyCollection<string> customers)
    {
        if (customers.Count == 0)
        {
            return 0;
        }

        await using var db = NpgsqlDataSource.Create(database);
        await using var command = db.CreateCommand("""
            SELECT count(DISTINCT c.id) FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE m.platform = 'whatsapp' AND m.external_id = ANY($1) AND c.status = 'human'
            """);
        command.Parameters.AddWithValue(customers.Select(LiveConversations.Wamid).ToArray());
        return (int)(long)(await command.ExecuteScalarAsync())!;
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
