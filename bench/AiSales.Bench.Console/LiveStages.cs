using System.Net.ServerSentEvents;
using System.Text.Json;
using Npgsql;
using static AiSales.Bench.Console.Percentiles;

namespace AiSales.Bench.Console;

/// <summary>
/// Where a live message's time goes, stage by stage: the webhook's <c>200</c>; the normaliser's transaction (the
/// message's <c>created_at</c>, PostgreSQL's <c>now()</c> of that transaction); the event on a stream of the API's
/// <c>GET /api/events</c> of the bench's own, read as the console reads it (everything the API does: commit, NOTIFY,
/// the hub's read of the rows, the stream written); and the bubble in each page (the console's reader and render, the
/// render batch over SignalR, the browser applying it). One clock: every process runs on this machine.
/// </summary>
public sealed class LiveStages(HttpClient api, string connectionString, Guid merchantId) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, long> _streamed = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _reading = Task.CompletedTask;

    /// <summary>Opens the bench's own event stream and returns once the API said "ready".</summary>
    public async Task StartAsync()
    {
        _reading = ReadAsync(_stop.Token);
        await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
            {
                var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                _ready.TrySetResult();
                if (item.EventType == "message" && JsonDocument.Parse(item.Data).RootElement is var data
                    && data.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                    && message.GetProperty("text").GetString() is { } text)
                {
                    lock (_streamed)
                    {
                        _streamed.TryAdd(text, at);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            System.Console.WriteLine($"The bench's own event stream failed: {ex.Message}");
            _ready.TrySetException(ex);
        }
    }

    /// <summary>Prints each stage's share, from the acknowledgements and what each page saw (epoch ms by text).</summary>
    public async Task ReportAsync(IReadOnlyDictionary<string, long> acknowledged, IReadOnlyList<Dictionary<string, double>> seenBy)
    {
        var committed = new Dictionary<string, double>();
        await using (var db = new NpgsqlConnection(connectionString))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT text, extract(epoch FROM created_at) * 1000 FROM messages WHERE merchant_id = $1 AND text LIKE 'live-%'", db);
            command.Parameters.AddWithValue(merchantId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                committed[reader.GetString(0)] = (double)reader.GetDecimal(1);
            }
        }

        Dictionary<string, long> streamed;
        lock (_streamed)
        {
            streamed = new(_streamed);
        }

        List<double> normalised = [], toStream = [], toPage = [], spread = [];
        foreach (var (text, ackedAt) in acknowledged)
        {
            if (committed.TryGetValue(text, out var at))
            {
                normalised.Add(at - ackedAt);
            }

            if (!streamed.TryGetValue(text, out var streamedAt))
            {
                continue;
            }

            toStream.Add(streamedAt - (committed.TryGetValue(text, out var c) ? c : ackedAt));
            var pages = seenBy.Where(seen => seen.ContainsKey(text)).Select(seen => seen[text] - streamedAt).ToList();
            toPage.AddRange(pages);
            if (pages.Count > 0)
            {
                spread.Add(pages.Max() - pages.Min());
            }
        }

        System.Console.WriteLine($"Stage webhook 200 → normaliser's transaction (messages.created_at): {Summary(normalised)}");
        System.Console.WriteLine($"Stage normaliser's transaction → event on the bench's own stream (commit, NOTIFY, hub, SSE): {Summary(toStream)}");
        System.Console.WriteLine($"Stage event on a stream → bubble in a page (console reader + render + SignalR + browser), all pages: {Summary(toPage)}");
        System.Console.WriteLine($"Stage first page → last page showing the same bubble: {Summary(spread)}; events not seen on the bench's stream: {acknowledged.Count - toStream.Count}");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _reading;
        _stop.Dispose();
    }
}
