using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Bench;

/// <summary>
/// The webhook bench's database side: the single-row-insert ceiling it is compared with, the merchant it seeds, the
/// acknowledged messages missing from the inbox (lost), and the wait for the normaliser to drain.
/// </summary>
internal static class WebhookBenchDatabase
{
    public static async Task<(double Tps, double P99)> MeasureCeilingAsync(NpgsqlDataSource db, string body, BenchOptions options)
    {
        await using (var create = db.CreateCommand("CREATE TABLE bench_ceiling (LIKE webhook_events INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        long rows = 0;
        var latencies = new ConcurrentBag<double>();
        var until = Stopwatch.GetTimestamp() + options.CeilingSeconds * Stopwatch.Frequency;
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(async () =>
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO bench_ceiling (platform, body) VALUES ('whatsapp', $1)", connection);
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = bytes });
            await insert.PrepareAsync();
            var local = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var t = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync();
                local.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            Interlocked.Add(ref rows, local.Count);
            foreach (var l in local)
            {
                latencies.Add(l);
            }
        })));
        var tps = rows / started.Elapsed.TotalSeconds;
        await using (var drop = db.CreateCommand("DROP TABLE bench_ceiling"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return (tps, WebhookBenchmark.Percentile(latencies.Order().ToArray(), 0.99));
    }

    /// <summary>Acknowledged wamids that no inbox body contains (0 = nothing acknowledged was lost).</summary>
    public static async Task<long> CountLostAsync(NpgsqlDataSource db, IEnumerable<string> acked)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE acked (wamid text PRIMARY KEY)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY acked (wamid) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var id in acked)
            {
                await writer.WriteRowAsync(default, id);
            }

            await writer.CompleteAsync();
        }

        await using var lost = new NpgsqlCommand("""
            WITH stored AS (
                SELECT jsonb_path_query(convert_from(body, 'UTF8')::jsonb, '$.entry[*].changes[*].value.messages[*].id') #>> '{}' AS wamid
                FROM webhook_events)
            SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.wamid = a.wamid)
            """, connection) { CommandTimeout = 300 };
        return (long)(await lost.ExecuteScalarAsync())!;
    }

    public static async Task<(long Normalised, double Seconds)> DrainAsync(NpgsqlDataSource db, long expected, int maxSeconds)
    {
        var stopwatch = Stopwatch.StartNew();
        long normalised = 0;
        while (stopwatch.Elapsed.TotalSeconds < maxSeconds)
        {
            await using var count = db.CreateCommand("SELECT count(*) FROM messages");
            normalised = (long)(await count.ExecuteScalarAsync())!;
            if (normalised >= expected)
            {
                break;
            }

            await Task.Delay(500);
        }

        return (normalised, stopwatch.Elapsed.TotalSeconds);
    }

    public static async Task SeedAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            WITH m AS (INSERT INTO merchants (name) VALUES ('Bench shop') RETURNING id)
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4)
            SELECT id, 'whatsapp', $1, '\x00'::bytea, 'bench', '0000' FROM m
            """);
        command.Parameters.AddWithValue(WebhookBenchmark.PhoneNumberId);
        await command.ExecuteNonQueryAsync();
    }
}
