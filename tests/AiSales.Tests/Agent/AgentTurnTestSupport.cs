using Npgsql;

namespace AiSales.Tests.Agent;

/// <summary>What the turn tests share: an agent process on a private database, and the checks they repeat.</summary>
public sealed partial class AgentTurnTests
{
    private async Task<(NpgsqlDataSource Db, ServiceProcess Agent)> StartAsync(AgentFakeOpenAI model, Dictionary<string, string?>? extra = null)
    {
        var database = await fixture.CreateMigratedDatabaseAsync();
        var environment = new Dictionary<string, string?>(model.AgentEnvironment())
        {
            ["Intake__DebounceMilliseconds"] = "0",
        };
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        var agent = fixture.StartAgent(database, null, environment);
        (await agent.WaitUntilAliveAsync(TimeSpan.FromSeconds(60))).Dispose();
        return (NpgsqlDataSource.Create(database), agent);
    }

    private static async Task AssertHandedOverAsync(NpgsqlDataSource db, InboundMessage inbound, string reasonPart)
    {
        await AgentTestData.WaitUntilAsync(async () => await AgentTestData.ScalarAsync<string>(db,
            "SELECT status FROM conversations WHERE id = $1", inbound.ConversationId) == "human", TimeSpan.FromSeconds(10), "the handoff");
        Assert.Contains(reasonPart, await AgentTestData.ScalarAsync<string>(db, "SELECT handoff_reason FROM conversations WHERE id = $1", inbound.ConversationId));
        Assert.Equal("failed", await AgentTestData.ScalarAsync<string>(db, "SELECT reply_state FROM messages WHERE id = $1", inbound.MessageId));
        Assert.Equal(1L, await AgentTestData.ScalarAsync<long>(db,
            "SELECT count(*) FROM conversation_handoffs WHERE conversation_id = $1 AND source = 'failure'", inbound.ConversationId));
    }

    /// <summary>The longest any session of this database stayed inside one transaction, sampled every 100 ms.</summary>
    private static async Task<(double Seconds, string Query)> SampleLongestOpenTransactionAsync(NpgsqlDataSource db, CancellationToken stop)
    {
        var longest = (0d, "");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bound.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            while (!bound.IsCancellationRequested)
            {
                await using var command = db.CreateCommand("""
                    SELECT coalesce(max(extract(epoch FROM now() - xact_start)), 0)::float8, coalesce(max(query), '')
                    FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL
                    """);
                await using var reader = await command.ExecuteReaderAsync(bound.Token);
                await reader.ReadAsync(bound.Token);
                if (reader.GetDouble(0) > longest.Item1)
                {
                    longest = (reader.GetDouble(0), reader.GetString(1));
                }

                await Task.Delay(100, bound.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return longest;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        AgentTestData.WaitUntilAsync(() => Task.FromResult(condition()), s_timeout, what);

    private static async Task Execute(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
