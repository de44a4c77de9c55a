using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AiSales.Bench.Agent;

namespace AiSales.Bench.Faults;

/// <summary>
/// Live conversations: a new customer asks the price of the blue kaftan every 1/rate s (open loop: each DM at its
/// planned time, whatever happened to the earlier ones), round-robin over the shops whose AI answers. Each DM expects
/// exactly one reply at the fake Graph API; its text carries the customer's tag for the fake model.
/// </summary>
public sealed class LiveConversations(HttpClient http, IReadOnlyList<string> shops, string appSecret, int rate)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(appSecret);
    private long _customers;

    /// <summary>Customer → when their DM was sent (Stopwatch timestamp).</summary>
    public ConcurrentDictionary<string, long> Sent { get; } = new();

    /// <summary>Customer → when their DM was acknowledged with 200.</summary>
    public ConcurrentDictionary<string, long> Acked { get; } = new();

    /// <summary>Customers whose DM got anything but 200 (no answer counts as 0).</summary>
    public ConcurrentDictionary<string, int> Refused { get; } = new();

    /// <summary>The id of a customer's DM, so the suite can find it in `messages`.</summary>
    public static string Wamid(string customer) => $"wamid.live{customer}";

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new ConcurrentDictionary<Task, bool>();
        for (long i = 0; !stop.IsCancellationRequested; i++)
        {
            var wait = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var customer = $"97{Interlocked.Increment(ref _customers):D10}";
            var shop = shops[(int)(i % shops.Count)];
            var task = Task.Run(() => SendAsync(shop, customer));
            inFlight[task] = true;
            _ = task.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
        }

        await Task.WhenAll(inFlight.Keys);
    }

    private async Task SendAsync(string shop, string customer)
    {
        var body = WebhookLoad.WebhookBody(shop, customer, $"How much is the blue kaftan? {FakeModelServer.Tag(customer)}", Wamid(customer));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body)));
        Sent[customer] = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Acked[customer] = Stopwatch.GetTimestamp();
            }
            else
            {
                Refused[customer] = (int)response.StatusCode;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Refused[customer] = 0;
        }
    }
}
