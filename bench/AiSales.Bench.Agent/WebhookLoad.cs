using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AiSales.Bench.Agent;

/// <summary>One phase's DMs by customer phone: send time, acknowledgement time (ms) of the 200s, non-200 counts.</summary>
public sealed class Phase
{
    public ConcurrentDictionary<string, long> Started { get; } = new();

    public ConcurrentDictionary<string, double> Acked { get; } = new();

    public ConcurrentDictionary<string, int> Failures { get; } = new();

    public string DescribeFailures() =>
        Failures.IsEmpty ? "" : " (" + string.Join(", ", Failures.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} × {kv.Value}")) + ")";
}

/// <summary>
/// Signed WhatsApp webhooks, one text message from a new customer each, POSTed to the api's /webhooks/whatsapp
/// round-robin over the shops' numbers, open loop: each DM is sent at its planned time, whether or not earlier
/// ones were answered.
/// </summary>
public sealed class WebhookLoad(HttpClient http, IReadOnlyList<string> shops, string metaAppSecret, Func<string, string> textFor)
{
    private readonly byte[] _signingKey = Encoding.UTF8.GetBytes(metaAppSecret);
    private long _customers;

    public async Task<Phase> RunAsync(int rate, int seconds)
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

            var customer = $"97{Interlocked.Increment(ref _customers):D10}";
            var shop = shops[i % shops.Count];
            inFlight.Add(Task.Run(() => SendAsync(phase, shop, customer)));
        }

        await Task.WhenAll(inFlight);
        return phase;
    }

    private async Task SendAsync(Phase phase, string accountId, string customer)
    {
        var body = WebhookBody(accountId, customer, textFor(customer));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_signingKey, body)));
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

    /// <summary>One WhatsApp text message as Meta sends it (tests/AiSales.Tests/Webhooks/Fixtures/whatsapp-text.json).</summary>
    public static byte[] WebhookBody(string phoneNumberId, string customer, string text, string? wamid = null)
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
            json.WriteString("id", wamid ?? $"wamid.bench{Guid.NewGuid():N}");
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
}
