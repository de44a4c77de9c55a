using System.Diagnostics;
using Npgsql;

namespace AiSales.Bench;

/// <summary>
/// `retention` (issue 13 item 3): removing a day of old webhook bodies by batched DELETE (what WebhookRetention does)
/// against dropping a daily partition of the same rows. A throw-away PostgreSQL, the real schema, `webhook_events`
/// and a copy partitioned by day, both filled with the same rows (`--rows-per-day`, 9 days, a real body each). For each
/// method: one day removed with nothing else running (time, WAL written), one more day removed while an inbox-like
/// writer commits single-row inserts at 500/s (its p99 and max against the writer alone), then the space: what the
/// table and its indexes take, and what VACUUM (the delete's deferred cost) takes to run.
/// </summary>
public static class RetentionBenchmark
{
    private const string DeleteSql = """
        DELETE FROM webhook_events WHERE id IN (
            SELECT id FROM webhook_events WHERE state = 'processed' AND received_at < $1 ORDER BY state, received_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
        """;

    public static async Task<int> RunAsync(int rowsPerDay)
    {
        var root = BenchProcess.RepositoryRoot();
        await using var pg = await LocalPostgres.StartAsync();
        await using (var admin = new NpgsqlConnection(pg.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE aisalesdb", admin);
            await create.ExecuteNonQueryAsync();
        }

        using (var migrator = BenchProcess.Start(root, "AiSales.MigrationService", new() { ["ConnectionStrings__aisalesdb"] = pg.ConnectionString("aisalesdb") }))
        {
            await migrator.WaitForExitAsync();
            if (migrator.ExitCode != 0)
            {
                Console.Error.WriteLine($"migrator exited with {migrator.ExitCode}");
                return 1;
            }
        }

        await using var db = NpgsqlDataSource.Create(pg.ConnectionString("aisalesdb", maxPool: 20) + ";Command Timeout=0");
        var now = DateTime.UtcNow.Date; // midnight: a day of rows by age is exactly one daily partition
        Console.WriteLine($"Filling webhook_events and webhook_events_by_day with {rowsPerDay:N0} processed bodies per day for 9 days…");
        await RetentionTables.FillAsync(db, now, rowsPerDay);
        var alone = await InboxWriter.RunAsync(db, TimeSpan.FromSeconds(10), () => Task.CompletedTask);
        Console.WriteLine($"inbox writer alone (500 single-row commits/s): p99 {alone.P99:0.0} ms, max {alone.Max:0.0} ms");
        Console.WriteLine();
        Console.WriteLine("| method | rows removed | time | WAL written | writer p99 / max while removing | table + indexes after | VACUUM after |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");

        foreach (var method in new[] { "DELETE in batches of 1,000", "DROP a daily partition" })
        {
            var partitioned = method.StartsWith("DROP", StringComparison.Ordinal);
            var before = await RetentionTables.SizeAsync(db, partitioned);
            var (rows, time, wal) = await RemoveDayAsync(db, partitioned, now.AddDays(-8));
            long rows2 = 0;
            var during = await InboxWriter.RunAsync(db, TimeSpan.FromSeconds(5), async () => rows2 = (await RemoveDayAsync(db, partitioned, now.AddDays(-7))).Rows);
            var after = await RetentionTables.SizeAsync(db, partitioned);
            var vacuum = Stopwatch.StartNew();
            await using (var command = db.CreateCommand($"VACUUM {(partitioned ? "webhook_events_by_day" : "webhook_events")}"))
            {
                await command.ExecuteNonQueryAsync();
            }

            var vacuumed = await RetentionTables.SizeAsync(db, partitioned);
            Console.WriteLine($"| {method} | {rows:N0} (+ {rows2:N0} beside the writer) | {time.TotalSeconds:0.00} s | {wal / 1048576.0:0.0} MiB | {during.P99:0.0} / {during.Max:0.0} ms | {after / 1048576.0:0} MiB (was {before / 1048576.0:0}) | {vacuum.Elapsed.TotalSeconds:0.00} s, then {vacuumed / 1048576.0:0} MiB |");
        }

        return 0;
    }

    /// <summary>Removes one day of processed bodies older than <paramref name="olderThan"/>: rows, time, WAL bytes.</summary>
    private static async Task<(long Rows, TimeSpan Time, long WalBytes)> RemoveDayAsync(NpgsqlDataSource db, bool partitioned, DateTime olderThan)
    {
        var walBefore = await RetentionTables.WalLsnAsync(db);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        if (partitioned)
        {
            var name = RetentionTables.PartitionName(olderThan.AddDays(-1));
            await using (var count = db.CreateCommand($"SELECT count(*) FROM {name}"))
            {
                rows = (long)(await count.ExecuteScalarAsync())!;
            }

            clock.Restart();
            await using var detach = db.CreateCommand($"ALTER TABLE webhook_events_by_day DETACH PARTITION {name} CONCURRENTLY");
            await detach.ExecuteNonQueryAsync();
            await using var drop = db.CreateCommand($"DROP TABLE {name}");
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            while (true)
            {
                await using var delete = db.CreateCommand(DeleteSql);
                delete.Parameters.AddWithValue(olderThan);
                var deleted = await delete.ExecuteNonQueryAsync();
                rows += deleted;
                if (deleted < 1000)
                {
                    break;
                }

                await Task.Delay(50); // WebhookRetention's default pause between batches
            }
        }

        var time = clock.Elapsed;
        return (rows, time, await RetentionTables.WalLsnAsync(db) - walBefore);
    }
}
