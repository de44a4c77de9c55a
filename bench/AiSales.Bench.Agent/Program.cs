using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiSales.Core.Security;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// DM → reply latency: from just before a signed WhatsApp webhook (one text message, a new customer per DM) is
// POSTed to the api's /webhooks/whatsapp until the fake Graph API receives the agent's reply to that customer;
// also the webhook acknowledgement time (POST → 200). Open-loop: a warm-up at half the rate for 15 s (the
// services' JIT reaches its optimised tier: a running platform's steady state), a 3 s pause, then `rate` new
// conversations/s for `seconds`, each sent at its planned time.
// The DMs go round-robin to `shops` merchants, each with its own WhatsApp number: Meta (and the agent's sender) limit
// sends per business number (Delivery__MessagesPerSecondPerNumber, 80/s by default), so one number could never take
// 200 replies/s; a platform's load is spread over its merchants.
// Usage: dotnet run -c Release -- [rate/s = 200] [seconds = 10] [debounceMs = 0 → --Intake:DebounceMilliseconds] [shops = 10]
// Exit code 1 when a DM got no reply within 60 s or more than one, or a webhook was answered with anything but 200.
var rate = args.Length > 0 ? int.Parse(args[0]) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 10;
var debounceMs = args.Length > 2 ? int.Parse(args[2]) : 0;
var shopCount = args.Length > 3 ? int.Parse(args[3]) : 10;
const string encryptionKeyHex = "6c6f63616c2d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e";
// The AppHost's Development value of the meta-app-secret parameter (AiSales.AppHost/appsettings.Development.json).
const string metaAppSecret = "local-dev-meta-app-secret";

var received = new ConcurrentDictionary<string, long>();
var repliesPerCustomer = new ConcurrentDictionary<string, int>();
var graphPort = FreePort();
var graphBuilder = WebApplication.CreateSlimBuilder();
graphBuilder.WebHost.UseUrls($"http://127.0.0.1:{graphPort}");
graphBuilder.Logging.ClearProviders();
await using var graph = graphBuilder.Build();
graph.MapPost("/{version}/{account}/messages", async (HttpContext context) =>
{
    var at = Stopwatch.GetTimestamp();
    using var body = await JsonDocument.ParseAsync(context.Request.Body);
    if (body.RootElement.TryGetProperty("to", out var to) && to.GetString() is { } customer)
    {
        received.TryAdd(customer, at); // the first reply per customer
        repliesPerCustomer.AddOrUpdate(customer, 1, (_, n) => n + 1);
    }

    return Results.Text($$"""{"messaging_product":"whatsapp","messages":[{"id":"wamid.{{Guid.NewGuid():N}}"}]}""", "application/json");
});
await graph.StartAsync();

Console.WriteLine("Starting the AppHost (PostgreSQL, Redis, migrator, api, ai-agent)…");
using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
var appBuilder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiSales_AppHost>(
    ["--environment=Development", "--Infrastructure:Mode=executables", $"--Meta:GraphApiBaseUrl=http://127.0.0.1:{graphPort}",
     // Latency of the pipeline itself: the burst debounce (default 400 ms) would add exactly its value.
     $"--Intake:DebounceMilliseconds={debounceMs}"],
    (options, _) => options.DisableDashboard = true, startTimeout.Token);
// The services' own Information lines would otherwise be re-logged by this process for every DM.
appBuilder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("AiSales.AppHost.Resources", LogLevel.Warning));
await using var app = await appBuilder.BuildAsync(startTimeout.Token);
await app.StartAsync(startTimeout.Token);
await app.ResourceNotifications.WaitForResourceHealthyAsync("api", startTimeout.Token);
await app.ResourceNotifications.WaitForResourceHealthyAsync("ai-agent", startTimeout.Token);
var connectionString = (await app.GetConnectionStringAsync("aisalesdb", startTimeout.Token))!;
await using var db = NpgsqlDataSource.Create(connectionString);

// One client for the whole run: pooled keep-alive connections, no proxy, no cookies.
using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 256,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{
    BaseAddress = app.GetEndpoint("api", "http"),
    Timeout = TimeSpan.FromSeconds(30),
};
var signingKey = Encoding.UTF8.GetBytes(metaAppSecret);

var shops = new List<string>();
for (var i = 0; i < shopCount; i++)
{
    shops.Add((await SeedAsync(db)).AccountId);
}

Console.WriteLine($"{shopCount} shops (WhatsApp numbers {string.Join(", ", shops)}), webhooks to {http.BaseAddress}. Warming up…");
var customers = 0L;
var warm = await RunAsync(rate: Math.Max(1, rate / 2), seconds: 15);
await Task.Delay(TimeSpan.FromSeconds(3));

Console.WriteLine($"Measuring {rate} new conversations/s for {seconds} s (debounce {debounceMs} ms)…");
var run = await RunAsync(rate, seconds);
var deadline = DateTime.UtcNow.AddSeconds(60);
// Wait only for the DMs the api accepted: the others were never stored, so no reply will come.
while (DateTime.UtcNow < deadline && run.Acked.Keys.Any(k => !received.ContainsKey(k)))
{
    await Task.Delay(200);
}

// Every DM asks one short question: exactly one reply each. A second one would be a duplicate send.
await Task.Delay(TimeSpan.FromSeconds(2));
var duplicated = run.Started.Keys.Count(k => repliesPerCustomer.TryGetValue(k, out var n) && n > 1);

var latencies = run.Started
    .Where(kv => received.ContainsKey(kv.Key))
    .Select(kv => Stopwatch.GetElapsedTime(kv.Value, received[kv.Key]).TotalMilliseconds)
    .Order()
    .ToArray();
var acks = run.Acked.Values.Order().ToArray();
var sent = run.Started.Count;
Console.WriteLine($"sent {sent}, replied {latencies.Length}, missing {sent - latencies.Length}, more than one reply {duplicated}");
Console.WriteLine($"webhook 200 {acks.Length}/{sent}, non-200 {run.Failures.Values.Sum()}{Describe(run.Failures)}");
if (!warm.Failures.IsEmpty)
{
    Console.WriteLine($"warm-up non-200 {warm.Failures.Values.Sum()}{Describe(warm.Failures)}");
}

Console.WriteLine($"| {rate}/s × {seconds} s | {latencies.Length}/{sent} | p50 {P(latencies, 0.50):0.0} ms | p95 {P(latencies, 0.95):0.0} ms | p99 {P(latencies, 0.99):0.0} ms | max {latencies.LastOrDefault():0.0} ms |");
Console.WriteLine($"| webhook ack (POST → 200) | {acks.Length}/{sent} | p50 {P(acks, 0.50):0.0} ms | p99 {P(acks, 0.99):0.0} ms | max {acks.LastOrDefault():0.0} ms |");
await app.StopAsync();
return latencies.Length == sent && duplicated == 0 && run.Failures.IsEmpty && warm.Failures.IsEmpty ? 0 : 1;

// Open loop: each DM is sent at its planned time, whether or not earlier ones were answered.
async Task<Phase> RunAsync(int rate, int seconds)
{
    var phase = new Phase();
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

        var customer = $"97{Interlocked.Increment(ref customers):D10}";
        var shop = shops[i % shops.Count];
        inFlight.Add(Task.Run(() => SendAsync(phase, shop, customer)));
    }

    await Task.WhenAll(inFlight);
    return phase;
}

async Task SendAsync(Phase phase, string accountId, string customer)
{
    var body = WebhookBody(accountId, customer, "How much is the blue kaftan?");
    using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, body)));
    var start = Stopwatch.GetTimestamp();
    phase.Started[customer] = start;
    try
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            phase.Acked[customer] = elapsed;
        }
        else
        {
            phase.Failures.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, n) => n + 1);
        }
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        phase.Failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
    }
}

// One WhatsApp text message as Meta sends it (tests/AiSales.Tests/Webhooks/Fixtures/whatsapp-text.json).
static byte[] WebhookBody(string phoneNumberId, string customer, string text)
{
    var buffer = new MemoryStream(768);
    using (var json = new Utf8JsonWriter(buffer))
    {
        json.WriteStartObject();
        json.WriteString("object", "whatsapp_business_account");
        json.WriteStartArray("entry");
        json.WriteStartObject();
        json.WriteString("id", "102290129340398");
        json.WriteStartArray("changes");
        json.WriteStartObject();
        json.WriteStartObject("value");
        json.WriteString("messaging_product", "whatsapp");
        json.WriteStartObject("metadata");
        json.WriteString("display_phone_number", "15550783881");
        json.WriteString("phone_number_id", phoneNumberId);
        json.WriteEndObject();
        json.WriteStartArray("contacts");
        json.WriteStartObject();
        json.WriteStartObject("profile");
        json.WriteString("name", "Bench customer");
        json.WriteEndObject();
        json.WriteString("wa_id", customer);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("messages");
        json.WriteStartObject();
        json.WriteString("from", customer);
        json.WriteString("id", $"wamid.bench{Guid.NewGuid():N}");
        json.WriteString("timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString());
        json.WriteString("type", "text");
        json.WriteStartObject("text");
        json.WriteString("body", text);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("field", "messages");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    return buffer.ToArray();
}

static double P(double[] sorted, double q) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

static string Describe(ConcurrentDictionary<string, int> failures) =>
    failures.IsEmpty ? "" : " (" + string.Join(", ", failures.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} × {kv.Value}")) + ")";

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

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

/// <summary>One phase's DMs by customer phone: send time, acknowledgement time (ms) of the 200s, non-200 counts.</summary>
internal sealed class Phase
{
    public ConcurrentDictionary<string, long> Started { get; } = new();

    public ConcurrentDictionary<string, double> Acked { get; } = new();

    public ConcurrentDictionary<string, int> Failures { get; } = new();
}
