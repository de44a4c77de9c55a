using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Bench;

/// <summary>
/// `webhooks`: starts a throw-away PostgreSQL, migrates it, measures the single-row-insert ceiling (one
/// webhook-sized row per transaction, 100 clients), then starts the real API and POSTs signed WhatsApp text
/// webhooks (unique wamids, some batched) at 100 connections; finally checks that every acknowledged
/// message is in the inbox (0 lost) and how far the normaliser got.
/// </summary>
public static class WebhookBenchmark
{
    private const string AppSecret = "bench-app-secret";
    internal const string PhoneNumberId = "106540352242922";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var root = BenchProcess.RepositoryRoot();
        await using var pg = await LocalPostgres.StartAsync();
        Console.WriteLine($"PostgreSQL on 127.0.0.1:{pg.Port}");
        await using (var admin = new NpgsqlConnection(pg.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE aisalesdb", admin);
            await create.ExecuteNonQueryAsync();
        }

        var database = pg.ConnectionString("aisalesdb");
        using (var migrator = BenchProcess.Start(root, "AiSales.MigrationService", new() { ["ConnectionStrings__aisalesdb"] = database }))
        {
            await migrator.WaitForExitAsync();
            if (migrator.ExitCode != 0)
            {
                Console.Error.WriteLine($"migrator exited with {migrator.ExitCode}");
                return 1;
            }
        }

        await using var db = NpgsqlDataSource.Create(pg.ConnectionString("aisalesdb", maxPool: options.Connections + 10));
        await WebhookBenchDatabase.SeedAsync(db);

        var sampleBody = Body([NewMessage(0)]);
        var ceiling = await WebhookBenchDatabase.MeasureCeilingAsync(db, sampleBody, options);

        var port = LocalPostgres.FreePort();
        using var api = BenchProcess.Start(root, "AiSales.Api", new()
        {
            ["ConnectionStrings__aisalesdb"] = database,
            ["Meta__AppSecret"] = AppSecret,
            ["Meta__VerifyToken"] = "bench",
            ["Admin__ApiKey"] = "bench-admin",
            ["ENCRYPTION_KEY_HEX"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["Sentry__Dsn"] = "",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["OTEL_SDK_DISABLED"] = "true",
        });
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await BenchProcess.WaitAliveAsync(client);

            var acked = new ConcurrentBag<string>();
            await LoadAsync(client, options, TimeSpan.FromSeconds(3), acked, null); // warm-up (JIT, pools): verified, not timed
            var latencies = new ConcurrentBag<double>();
            var stopwatch = Stopwatch.StartNew();
            var (requests, failures) = await LoadAsync(client, options, TimeSpan.FromSeconds(options.DurationSeconds), acked, latencies);
            var elapsed = stopwatch.Elapsed.TotalSeconds;
            var peakRssMb = BenchProcess.PeakRssMb(api.Id);

            var sorted = latencies.Order().ToArray();
            var rate = requests / elapsed;
            Console.WriteLine();
            Console.WriteLine($"ceiling (single-row INSERT + COMMIT, {options.Connections} clients, {options.CeilingSeconds}s): {ceiling.Tps:F0} rows/s, p99 {ceiling.P99:F1} ms");
            Console.WriteLine($"webhooks ({options.Connections} connections, {options.DurationSeconds}s, {options.BatchedPercent}% batched x5): " +
                $"{rate:F0} webhooks/s ({acked.Count / (elapsed + 3):F0} messages/s overall), {failures} non-200");
            Console.WriteLine($"latency p50 {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms");
            Console.WriteLine($"ratio to ceiling: {rate / ceiling.Tps:F2}");
            Console.WriteLine($"API peak RSS: {peakRssMb:F0} MiB");

            if (options.Storm)
            {
                await MeasureUnderStormAsync(port, client, options, acked);
            }

            var lost = await WebhookBenchDatabase.CountLostAsync(db, acked);
            Console.WriteLine($"acknowledged messages: {acked.Count}, missing from the inbox: {lost}");
            var (normalised, drainSeconds) = await WebhookBenchDatabase.DrainAsync(db, acked.Count, options.DrainSeconds);
            Console.WriteLine($"normalised into messages: {normalised} of {acked.Count} after {drainSeconds:F0}s of drain");
            return lost == 0 && failures == 0 ? 0 : 1;
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
                await api.WaitForExitAsync();
            }
        }
    }

    /// <summary>The same webhook load again, this time beside a merchant-API storm; webhook latency is printed for both.</summary>
    private static async Task MeasureUnderStormAsync(int port, HttpClient client, BenchOptions options, ConcurrentBag<string> acked)
    {
        using var stormHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var stormClient = new HttpClient(stormHandler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        var storm = new MerchantStorm(stormClient, options.BadKeysPerSecond, options.ImportRows);
        using var stop = new CancellationTokenSource();
        var storming = storm.RunAsync("bench-admin", stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the storm reaches its pace
        var latencies = new ConcurrentBag<double>();
        var stopwatch = Stopwatch.StartNew();
        var (requests, failures) = await LoadAsync(client, options, TimeSpan.FromSeconds(options.DurationSeconds), acked, latencies);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await storming;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine();
        Console.WriteLine($"webhooks beside the storm: {requests / elapsed:F0} webhooks/s, {failures} non-200, " +
            $"latency p50 {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms");
        Console.WriteLine(storm.Summary(elapsed + 3));
    }

    private static async Task<(long Requests, long Failures)> LoadAsync(
        HttpClient client, BenchOptions options, TimeSpan duration, ConcurrentBag<string> acked, ConcurrentBag<double>? latencies)
    {
        long requests = 0, failures = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var secret = Encoding.UTF8.GetBytes(AppSecret);
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker * 7919 + Environment.TickCount);
            var local = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                var count = random.Next(100) < options.BatchedPercent ? 5 : 1;
                var messages = Enumerable.Range(0, count).Select(_ => NewMessage(random.Next(1000))).ToArray();
                var body = Encoding.UTF8.GetBytes(Body(messages));
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref requests);
                        foreach (var m in messages)
                        {
                            acked.Add(m.Id);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            foreach (var l in local)
            {
                latencies?.Add(l);
            }
        })));
        return (requests, failures);
    }

    private sealed record BenchMessage(string Id, string From, string Json);

    private static BenchMessage NewMessage(int customer)
    {
        var id = "wamid.HBgL" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');
        var from = "9665" + customer.ToString("D8");
        var json = $$$"""{"from":"{{{from}}}","id":"{{{id}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"text","text":{"body":"Hi! Is the black bag still in stock, and does it come in another color? \u0647\u0644 \u064a\u0648\u062c\u062f \u0644\u0648\u0646 \u0622\u062e\u0631\u061f"}}""";
        return new BenchMessage(id, from, json);
    }

    private static string Body(BenchMessage[] messages)
    {
        var contacts = string.Join(",", messages.Select(m => $$"""{"profile":{"name":"Customer {{m.From[^4..]}}"},"wa_id":"{{m.From}}"}"""));
        var items = string.Join(",", messages.Select(m => m.Json));
        return $$$"""{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{PhoneNumberId}}}"},"contacts":[{{{contacts}}}],"messages":[{{{items}}}]},"field":"messages"}]}]}""";
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
