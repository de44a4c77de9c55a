using Npgsql;

namespace AiSales.Bench.Agent;

/// <summary>
/// The agent's own time per turn, as it recorded it (agent_turns.duration_ms: the model and its tools, from the claim's
/// end to the commit's start), by the model that answered: the in-process turn time, without queueing or delivery.
/// </summary>
public static class TurnTimes
{
    public static async Task PrintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT provider, count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms)
            FROM agent_turns GROUP BY provider ORDER BY provider
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"| turn time in the agent ({reader.GetString(0)}, {reader.GetInt64(1)} turns) | p50 {reader.GetDouble(2):0.0} ms | p99 {reader.GetDouble(3):0.0} ms |");
        }
    }
}
