using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace AiSales.Bench;

/// <summary>
/// An inbox-like writer for the retention bench: single-row INSERT + COMMIT into `webhook_events` at 500/s from 8
/// connections, while <c>work</c> runs and for at least <c>minimum</c> in all; its commit latencies.
/// </summary>
internal static class InboxWriter
{
    public static async Task<(double P99, double Max)> RunAsync(NpgsqlDataSource db, TimeSpan minimum, Func<Task> work)
    {
        var latencies = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var body = new byte[700];
        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(16)); // 8 × 62.5/s = 500/s
            while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await using var insert = db.CreateCommand("INSERT INTO webhook_events (platform, body) VALUES ('whatsapp', $1)");
                insert.Parameters.AddWithValue(body);
                await insert.ExecuteNonQueryAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        var clock = Stopwatch.StartNew();
        await work();
        if (clock.Elapsed < minimum)
        {
            await Task.Delay(minimum - clock.Elapsed);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var sorted = latencies.Order().ToArray();
        return (sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)], sorted.LastOrDefault());
    }
}
