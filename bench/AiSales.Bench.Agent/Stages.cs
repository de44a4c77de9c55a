using System.Diagnostics;
using Npgsql;

namespace AiSales.Bench.Agent;

/// <summary>
/// Where each measured DM's time went, from the timestamps PostgreSQL kept: sent → stored by the normaliser
/// (messages.created_at), stored → its turn starts (the answered turn's commit time minus its duration), the turn
/// itself, and the turn's commit → the reply at the fake Graph API. Wall clock and the bench's Stopwatch are tied by
/// one reading taken at start (same machine, same clock).
/// </summary>
public static class Stages
{
    private static readonly DateTime AnchorWall = DateTime.UtcNow;
    private static readonly long AnchorTicks = Stopwatch.GetTimestamp();

    public static void Anchor() => _ = (AnchorWall, AnchorTicks);

    public static async Task PrintAsync(string connectionString, Phase run, FakeGraph graph)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT cu.phone, m.created_at, t.created_at, t.duration_ms
            FROM customers cu
            JOIN conversations c ON c.customer_id = cu.id
            JOIN LATERAL (SELECT created_at FROM messages WHERE conversation_id = c.id AND author = 'customer' ORDER BY id LIMIT 1) m ON true
            JOIN LATERAL (SELECT created_at, duration_ms FROM agent_turns WHERE conversation_id = c.id AND outcome = 'answered' ORDER BY id LIMIT 1) t ON true
            """, connection);
        var stored = new List<double>();
        var waited = new List<double>();
        var turn = new List<double>();
        var sent = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var phone = reader.GetString(0);
            if (!run.Started.TryGetValue(phone, out var started) || !graph.FirstReply.TryGetValue(phone, out var reply))
            {
                continue;
            }

            var dm = Wall(started);
            var message = reader.GetDateTime(1);
            var commit = reader.GetDateTime(2);
            var duration = reader.GetInt32(3);
            stored.Add((message - dm).TotalMilliseconds);
            waited.Add((commit - message).TotalMilliseconds - duration);
            turn.Add(duration);
            sent.Add((Wall(reply.At) - commit).TotalMilliseconds);
        }

        Console.WriteLine($"| stage ({stored.Count} DMs) | p50 | p90 | p99 |");
        Print("DM sent → stored by the normaliser", stored);
        Print("stored → its turn starts", waited);
        Print("the turn", turn);
        Print("the turn's commit → reply at Graph", sent);
    }

    private static DateTime Wall(long ticks) => AnchorWall.AddSeconds((ticks - AnchorTicks) / (double)Stopwatch.Frequency);

    private static void Print(string name, List<double> values)
    {
        var sorted = values.Order().ToArray();
        Console.WriteLine($"| {name} | {Report.P(sorted, 0.5):0.0} ms | {Report.P(sorted, 0.9):0.0} ms | {Report.P(sorted, 0.99):0.0} ms |");
    }
}
