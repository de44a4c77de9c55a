using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AiSales.Bench.Agent;

namespace AiSales.Bench.Faults;

/// <summary>One signed webhook of the flood: when it was sent and answered (Stopwatch timestamps), the answer, its wamid.</summary>
public readonly record struct FloodRequest(long Sent, long Done, int Status, string Wamid);

/// <summary>
/// Signed WhatsApp text webhooks over a fixed number of connections (100), paced at a total rate: each connection sends
/// its next body when it is due, or at once when it is late (closed loop under a cap). They go to a shop whose AI is
/// off, so they are stored and shown, not answered: the suite checks each acknowledged wamid is in `messages`.
/// </summary>
public sealed class FloodLoad(HttpClient http, string phoneNumberId, string appSecret, int connections, int rate)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(appSecret);
    private long _sequence;

    public ConcurrentQueue<FloodRequest> Requests { get; } = new();

    public async Task RunAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        long next = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var due = Interlocked.Increment(ref next) * interval - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(due, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                await SendAsync();
            }
        }));
    }

    private async Task SendAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        var wamid = $"wamid.flood{n:D9}{Guid.NewGuid():N}";
        var body = WebhookLoad.WebhookBody(phoneNumberId, $"96650{n % 100_000:D5}", $"flood message {n}", wamid);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, body)));
        var sent = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = 0; // no answer: connection refused or reset (the api is down), or the client's timeout
        }

        Requests.Enqueue(new FloodRequest(sent, Stopwatch.GetTimestamp(), status, wamid));
    }
}
