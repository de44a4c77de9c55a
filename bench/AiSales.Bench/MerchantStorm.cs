using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AiSales.Bench;

/// <summary>
/// A merchant-API storm (issue 13, "webhooks first"): made-up API keys at a fixed rate (a misconfigured or hostile
/// client cycling through a few dozen keys) plus a real merchant importing a large catalogue again and again. It runs
/// beside the webhook load; the benchmark compares webhook latency with and without it.
/// </summary>
public sealed class MerchantStorm(HttpClient client, int badKeysPerSecond, int importRows)
{
    private const int MaxInFlight = 1000;
    private long _badKeyRequests, _unauthorized, _notSent, _imports, _importedRows, _tooMany, _otherFailures;

    public string Summary(double seconds) =>
        $"storm: {_badKeyRequests / seconds:F0} bad-key requests/s ({_unauthorized} answered 401, {_notSent} not sent: {MaxInFlight} already waiting), " +
        $"{_imports} imports of {importRows} rows ({_importedRows / seconds:F0} rows/s), {_tooMany} answered 429, {_otherFailures} other failures";

    public async Task RunAsync(string adminKey, CancellationToken stop)
    {
        var apiKey = await CreateMerchantAsync(adminKey);
        await Task.WhenAll(BadKeysAsync(stop), ImportsAsync(apiKey, stop), ImportsAsync(apiKey, stop));
    }

    private async Task<string> CreateMerchantAsync(string adminKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = "Storm shop" }) };
        request.Headers.Add("X-Admin-Key", adminKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("apiKey").GetString()!;
    }

    private async Task BadKeysAsync(CancellationToken stop)
    {
        // Well-formed (they reach the key lookup), made up (no such key id).
        var keys = Enumerable.Range(0, 50).Select(_ => $"aisk_{Guid.NewGuid():N}_{Guid.NewGuid():N}{Guid.NewGuid():N}").ToArray();
        var interval = TimeSpan.FromSeconds(1.0 / badKeysPerSecond);
        var started = Stopwatch.GetTimestamp();
        var sent = 0L;
        var inFlight = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            // Paced by the clock, not by the answers: a flood does not slow down because the server does.
            var due = (long)(Stopwatch.GetElapsedTime(started) / interval);
            for (; sent < due; sent++)
            {
                if (inFlight.Count < MaxInFlight)
                {
                    inFlight.Add(BadKeyAsync(keys[sent % keys.Length]));
                }
                else
                {
                    Interlocked.Increment(ref _notSent);
                }
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(5, CancellationToken.None);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task BadKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        request.Headers.Authorization = new("Bearer", key);
        try
        {
            using var response = await client.SendAsync(request);
            Interlocked.Increment(ref _badKeyRequests);
            Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Unauthorized ? ref _unauthorized : ref _otherFailures);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _otherFailures);
        }
    }

    private async Task ImportsAsync(string apiKey, CancellationToken stop)
    {
        var csv = new StringBuilder("sku,name,description,price,currency,stock\n");
        for (var i = 0; i < importRows; i++)
        {
            csv.Append($"STORM-{i},حقيبة جلدية {i} leather bag,Imported again and again by the storm,{100 + i % 50}.500,KWD,{i % 20}\n");
        }

        var body = Encoding.UTF8.GetBytes(csv.ToString());
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/products/import") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("text/csv");
            request.Headers.Authorization = new("Bearer", apiKey);
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _imports);
                    Interlocked.Add(ref _importedRows, importRows);
                }
                else
                {
                    Interlocked.Increment(ref response.StatusCode == HttpStatusCode.TooManyRequests ? ref _tooMany : ref _otherFailures);
                    await Task.Delay(1000, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _otherFailures);
            }
        }
    }
}
