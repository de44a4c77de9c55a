using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;

// DM → reply latency: from the start of storing an inbound message (what the webhook handler does before its 200)
// until the fake Graph API receives the agent's reply. Usage: dotnet run -c Release -- [rate/s] [seconds]
var rate = args.Length > 0 ? int.Parse(args[0]) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 10;
const string encryptionKeyHex = "6c6f63616c2d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e";

var received = new ConcurrentDictionary<string, long>();
var graphPort = FreePort();
var graphBuilder = WebApplication.CreateSlimBuilder();
graphBuilder.WebHost.UseUrls($"http://127.0.0.1:{graphPort}");
graphBuilder.Logging.ClearProviders();
await using var graph = graphBuilder.Build();
graph.MapPost("/{version}/{account}/messages", async (HttpContext context) =>
{
    var body = await JsonNode.ParseAsync(context.Request.Body);
    received.TryAdd(body?["to"]?.GetValue<string>() ?? "", Stopwatch.GetTimestamp());
    return Results.Json(new { messaging_product = "whatsapp", messages = new[] { new { id = $"wamid.{Guid.NewGuid():N}" } } });
});
await graph.StartAsync();

Console.WriteLine("Starting the AppHost (PostgreSQL, Redis, migrator, api, ai-agent)…");
using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
var appBuilder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiSales_AppHost>(
    ["--environment=Development", "--Infrastructure:Mode=executables", $"--Meta:GraphApiBaseUrl=http://127.0.0.1:{graphPort}",
     // Latency of the pipeline itself: the burst debounce (default 400 ms) would add exactly its value.
     "--Intake:DebounceMilliseconds=0"],
    (options, _) => options.DisableDashboard = true, startTimeout.Token);
appBuilder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
await using var app = await appBuilder.BuildAsync(startTimeout.Token);
await app.StartAsync(startTimeout.Token);
await app.ResourceNotifications.WaitForResourceHealthyAsync("ai-agent", startTimeout.Token);
var connectionString = (await app.GetConnectionStringAsync("aisalesdb", startTimeout.Token))!;
var redisConnection = (await app.GetConnectionStringAsync("redis", startTimeout.Token))!;
await using var db = new NpgsqlDataSourceBuilder(connectionString + ";Maximum Pool Size=200").Build();
using var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);

var (merchantId, accountId) = await SeedAsync(db);
Console.WriteLine($"Merchant {merchantId}, WhatsApp number {accountId}. Warming up…");
await RunAsync(db, redis, merchantId, rate: 20, seconds: 3, prefix: "warm", received);

Console.WriteLine($"Measuring {rate} new conversations/s for {seconds} s…");
var started = await RunAsync(db, redis, merchantId, rate, seconds, prefix: "bench", received);
var deadline = DateTime.UtcNow.AddSeconds(60);
while (DateTime.UtcNow < deadline && started.Keys.Any(k => !received.ContainsKey(k)))
{
    await Task.Delay(200);
}

var latencies = started
    .Where(kv => received.ContainsKey(kv.Key))
    .Select(kv => Stopwatch.GetElapsedTime(kv.Value, received[kv.Key]).TotalMilliseconds)
    .Order()
    .ToArray();
double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine($"sent {started.Count}, replied {latencies.Length}, missing {started.Count - latencies.Length}");
Console.WriteLine($"| {rate}/s × {seconds} s | {latencies.Length}/{started.Count} | p50 {P(0.50):0.0} ms | p95 {P(0.95):0.0} ms | p99 {P(0.99):0.0} ms | max {latencies.LastOrDefault():0.0} ms |");
await app.StopAsync();
return latencies.Length == started.Count ? 0 : 1;

static async Task<ConcurrentDictionary<string, long>> RunAsync(
    NpgsqlDataSource db, IConnectionMultiplexer redis, Guid merchantId, int rate, int seconds, string prefix, ConcurrentDictionary<string, long> received)
{
    var started = new ConcurrentDictionary<string, long>();
    var inFlight = new List<Task>();
    var clock = Stopwatch.StartNew();
    var total = rate * seconds;
    for (var i = 0; i < total; i++)
    {
        var due = TimeSpan.FromSeconds((double)i / rate);
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var customer = $"9{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}";
        inFlight.Add(Task.Run(async () =>
        {
            started[customer] = Stopwatch.GetTimestamp();
            await InboundAsync(db, redis, merchantId, customer, "How much is the blue kaftan?");
        }));
    }

    await Task.WhenAll(inFlight);
    return started;
}

static async Task<(Guid MerchantId, string AccountId)> SeedAsync(NpgsqlDataSource db)
{
    await using var merchant = db.CreateCommand("INSERT INTO merchants (name) VALUES ('Bench boutique') RETURNING id");
    var merchantId = (Guid)(await merchant.ExecuteScalarAsync())!;
    var accountId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
    var sealedToken = new SecretProtector(Convert.FromHexString(encryptionKeyHex)).Seal("bench-token", $"channel-token:{merchantId}:whatsapp");
    await using var channel = db.CreateCommand("""
        INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4) VALUES ($1, 'whatsapp', $2, $3, $4, 'oken');
        """);
    channel.Parameters.AddWithValue(merchantId);
    channel.Parameters.AddWithValue(accountId);
    channel.Parameters.AddWithValue(sealedToken.Ciphertext);
    channel.Parameters.AddWithValue(sealedToken.KeyId);
    await channel.ExecuteNonQueryAsync();
    await using var product = db.CreateCommand("INSERT INTO products (merchant_id, sku, name, price, currency, stock) VALUES ($1, 'KAF-BLUE', 'Blue Kaftan', 149.5, 'SAR', 1000)");
    product.Parameters.AddWithValue(merchantId);
    await product.ExecuteNonQueryAsync();
    return (merchantId, accountId);
}

// As ingestion stores a new text message (tests/AiSales.Tests/Agent/AgentTestData.SimulateInboundAsync).
static async Task InboundAsync(NpgsqlDataSource db, IConnectionMultiplexer redis, Guid merchantId, string phone, string text)
{
    await using var connection = await db.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var command = new NpgsqlCommand("""
        WITH c AS (
            INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2)
            ON CONFLICT (merchant_id, phone, platform) WHERE phone IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id),
        v AS (
            INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at)
            SELECT $1, c.id, 'whatsapp', $2, now() FROM c
            ON CONFLICT (merchant_id, customer_phone, platform) WHERE customer_phone IS NOT NULL
            DO UPDATE SET last_customer_message_at = now(), last_activity_at = now() RETURNING id)
        INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, kind, text, reply_state, platform_timestamp)
        SELECT $1, v.id, 'whatsapp', $3, 'inbound', 'customer', 'text', $4, 'pending', now() FROM v
        RETURNING id, conversation_id
        """, connection, transaction);
    command.Parameters.AddWithValue(merchantId);
    command.Parameters.AddWithValue(phone);
    command.Parameters.AddWithValue($"wamid.in{Guid.NewGuid():N}");
    command.Parameters.AddWithValue(text);
    long messageId;
    Guid conversationId;
    await using (var reader = await command.ExecuteReaderAsync())
    {
        await reader.ReadAsync();
        messageId = reader.GetInt64(0);
        conversationId = reader.GetGuid(1);
    }

    await transaction.CommitAsync();
    await InboundQueue.TryPublishAsync(redis, messageId, conversationId, merchantId, NullLogger.Instance);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
