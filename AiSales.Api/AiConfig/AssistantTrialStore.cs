using AiSales.Core.Trials;
using Npgsql;

namespace AiSales.Api.AiConfig;

/// <summary>The API's side of assistant_trials: ask (insert + NOTIFY the agents), read one of the merchant's own.</summary>
public static class AssistantTrialStore
{
    // The NOTIFY is delivered at commit, with the row already visible to the agent that wakes.
    private const string InsertSql = $"""
        WITH trial AS (INSERT INTO assistant_trials (merchant_id, text) VALUES ($1, $2) RETURNING id)
        SELECT id, pg_notify('{AssistantTrials.WakeChannel}', id::text) FROM trial
        """;

    private const string FindSql = """
        SELECT id, state, text, reply, language, handoff_reason, error, created_at, answered_at
        FROM assistant_trials WHERE id = $1 AND merchant_id = $2
        """;

    public static async Task<Guid> AskAsync(NpgsqlDataSource db, Guid merchantId, string text, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(InsertSql);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(text);
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The trial, or null when it does not exist for this merchant (a foreign id is a missing one).</summary>
    public static async Task<AssistantTrialView?> FindAsync(NpgsqlDataSource db, Guid merchantId, Guid id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(FindSql);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(merchantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new AssistantTrialView(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5), Text(6),
            reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8));
    }

    /// <summary>Reads the trial until the agent has finished it or the wait is over (then the last state read).</summary>
    public static async Task<AssistantTrialView?> WaitAsync(
        NpgsqlDataSource db, Guid merchantId, Guid id, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            await Task.Delay(pause, time, cancellationToken);
            var trial = await FindAsync(db, merchantId, id, cancellationToken);
            if (trial is null || trial.State is AssistantTrials.Answered or AssistantTrials.Failed || time.GetElapsedTime(started) >= wait)
            {
                return trial;
            }

            pause = TimeSpan.FromMilliseconds(Math.Min(500, pause.TotalMilliseconds * 1.5));
        }
    }
}
