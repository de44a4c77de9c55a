using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>Contract section 4 rule 11: processed bodies are kept 7 days, unparsed and unrouted ones 30, then deleted.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookRetentionTests(AppHostFixture fixture)
{
    [Fact]
    public async Task OldFinishedEventsAreDeletedInBatchesAndRecentOnesKept()
    {
        await using var db = fixture.CreateDataSource();
        var marker = NewExternalId("retention-");
        var ids = new Dictionary<string, long>
        {
            ["processed 8 days"] = await InsertAsync(db, marker, "processed", TimeSpan.FromDays(8)),
            ["processed 8 days (second batch)"] = await InsertAsync(db, marker, "processed", TimeSpan.FromDays(9)),
            ["processed 8 days (third batch)"] = await InsertAsync(db, marker, "processed", TimeSpan.FromDays(10)),
            ["processed 6 days"] = await InsertAsync(db, marker, "processed", TimeSpan.FromDays(6)),
            ["unparsed 31 days"] = await InsertAsync(db, marker, "unparsed", TimeSpan.FromDays(31)),
            ["unrouted 31 days"] = await InsertAsync(db, marker, "unrouted", TimeSpan.FromDays(31)),
            ["unparsed 29 days"] = await InsertAsync(db, marker, "unparsed", TimeSpan.FromDays(29)),
            ["unrouted 8 days"] = await InsertAsync(db, marker, "unrouted", TimeSpan.FromDays(8)),
        };
        var environment = fixture.ApiEnvironment();
        environment["Webhooks__ProcessorWorkers"] = "0";
        environment["Webhooks__Retention__Interval"] = "00:00:01";
        environment["Webhooks__Retention__BatchSize"] = "1"; // many batches: the loop must go on until a short one

        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(90));
        var remaining = await WaitForRemainingAsync(db, marker, expected: 3, TimeSpan.FromSeconds(30));

        Assert.Equal(
            new[] { ids["processed 6 days"], ids["unparsed 29 days"], ids["unrouted 8 days"] }.Order(),
            remaining.Order());
    }

    private static async Task<long> InsertAsync(NpgsqlDataSource db, string marker, string state, TimeSpan age)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO webhook_events (platform, body, state, received_at, processed_at)
            VALUES ('whatsapp', convert_to($1, 'UTF8'), $2, now() - $3::interval, now() - $3::interval) RETURNING id
            """);
        command.Parameters.AddWithValue($$"""{"marker":"{{marker}}"}""");
        command.Parameters.AddWithValue(state);
        command.Parameters.AddWithValue(age);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<long>> WaitForRemainingAsync(NpgsqlDataSource db, string marker, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var command = db.CreateCommand("SELECT id FROM webhook_events WHERE position(convert_to($1, 'UTF8') IN body) > 0");
            command.Parameters.AddWithValue(marker);
            var ids = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            if (ids.Count <= expected || DateTime.UtcNow > deadline)
            {
                return ids;
            }

            await Task.Delay(250);
        }
    }
}
