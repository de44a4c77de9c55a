using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Agent;

/// <summary>One POST the fake Graph API received.</summary>
public sealed record GraphRequest(string Path, string AccountId, string? Authorization, JsonObject Body, DateTime ReceivedAt)
{
    /// <summary>0 while unanswered (a hanging send).</summary>
    public int StatusCode { get; set; }

    public string Text => Body["text"]?["body"]?.GetValue<string>() ?? Body["message"]?["text"]?.GetValue<string>()
        ?? Body["interactive"]?["body"]?["text"]?.GetValue<string>() ?? "";

    public bool Accepted => StatusCode == 200;
}

/// <summary>
/// Meta's Graph API send endpoints over real HTTP, in the test process. Answers 200 with a message id unless a
/// script for the account says otherwise (an error code, a 5xx, or hanging to simulate a worker dying mid-send).
/// Tracks, per recipient, how many sends were in flight at once.
/// </summary>
public sealed class AgentFakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task<int>>>> _scripts = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new();

    private AgentFakeGraph(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public IReadOnlyCollection<GraphRequest> Requests => _requests;

    private readonly ConcurrentQueue<GraphRequest> _signals = new();

    /// <summary>Read receipts, typing indicators and sender actions (contract §5): not replies, so not in <see cref="For"/>.</summary>
    public IReadOnlyList<GraphRequest> SignalsFor(string accountId) => _signals.Where(r => r.AccountId == accountId).ToList();

    private static bool IsSignal(JsonObject body) => body.ContainsKey("sender_action") || body["status"]?.GetValue<string>() == "read";

    public static async Task<AgentFakeGraph> StartAsync()
    {
        var (app, port) = LocalHttpServer.Create();
        var fake = new AgentFakeGraph(app, port);
        app.MapPost("/{version}/{accountId}/messages", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public IReadOnlyList<GraphRequest> For(string accountId) => _requests.Where(r => r.AccountId == accountId).ToList();

    public int MaxInFlight(string recipient) => _maxInFlight.GetValueOrDefault(recipient);

    private readonly ConcurrentDictionary<string, byte> _outages = new();

    /// <summary>While on, every send to this account answers 500 with Graph error 2 (service unavailable): an outage.</summary>
    public void Outage(string accountId, bool on)
    {
        if (on) _outages[accountId] = 0;
        else _outages.TryRemove(accountId, out _);
    }

    /// <summary>The next send to this account answers HTTP <paramref name="status"/> with Graph error <paramref name="code"/>.</summary>
    public void FailNext(string accountId, int status, int? code, string? retryAfter = null) =>
        Script(accountId, async context =>
        {
            if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
            await WriteErrorAsync(context, status, code, $"Fake Graph error {code}");
            return status;
        });

    /// <summary>Meta's error shape.</summary>
    private static Task WriteErrorAsync(HttpContext context, int status, int? code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type = "OAuthException", code, fbtrace_id = "fake" } });
    }

    /// <summary>The next send to this account is accepted (recorded) and never answered: the sender is stuck mid-send.</summary>
    public void HangNext(string accountId) =>
        Script(accountId, async context =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return 0;
        });

    public async Task<IReadOnlyList<GraphRequest>> WaitForAsync(string accountId, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = For(accountId);
            if (found.Count >= count) return found;
            await Task.Delay(50);
        }

        throw new TimeoutException($"Fake Graph: {For(accountId).Count} of {count} sends to {accountId} within {timeout}.");
    }

    private void Script(string accountId, Func<HttpContext, Task<int>> step) =>
        _scripts.GetOrAdd(accountId, _ => new ConcurrentQueue<Func<HttpContext, Task<int>>>()).Enqueue(step);

    /// <summary>Every request that reached the handler, before its body was read (diagnostics).</summary>
    public int Arrivals => _arrivals;

    private int _arrivals;

    private async Task HandleAsync(string version, string accountId, HttpContext context)
    {
        Interlocked.Increment(ref _arrivals);
        var body = (JsonObject?)await JsonNode.ParseAsync(context.Request.Body) ?? [];
        if (IsSignal(body))
        {
            _signals.Enqueue(new GraphRequest(context.Request.Path, accountId, context.Request.Headers.Authorization.ToString(), body, DateTime.UtcNow)
            {
                StatusCode = 200,
            });
            await context.Response.WriteAsJsonAsync(body.ContainsKey("sender_action")
                ? new { recipient_id = body["recipient"]?["id"]?.GetValue<string>() } as object
                : new { success = true });
            return;
        }

        // WhatsApp: "to" (a phone) or "recipient" (a business-scoped user id, a string); Instagram: "recipient": {"id": …}.
        var recipient = body["to"]?.GetValue<string>()
            ?? (body["recipient"] is JsonValue scoped ? scoped.GetValue<string>() : body["recipient"]?["id"]?.GetValue<string>()) ?? "";
        var inFlight = _inFlight.AddOrUpdate(recipient, 1, (_, n) => n + 1);
        _maxInFlight.AddOrUpdate(recipient, inFlight, (_, n) => Math.Max(n, inFlight));
        try
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (_outages.ContainsKey(accountId))
            {
                _requests.Enqueue(new GraphRequest(context.Request.Path, accountId, authorization, body, DateTime.UtcNow) { StatusCode = 500 });
                await WriteErrorAsync(context, 500, 2, "Service temporarily unavailable");
                return;
            }

            if (_scripts.TryGetValue(accountId, out var queue) && queue.TryDequeue(out var step))
            {
                var scripted = new GraphRequest(context.Request.Path, accountId, authorization, body, DateTime.UtcNow);
                // Recorded before answering: a hanging send has still "reached Meta".
                _requests.Enqueue(scripted);
                scripted.StatusCode = await step(context);
                return;
            }

            await Task.Delay(15); // makes overlapping sends to one recipient observable
            _requests.Enqueue(new GraphRequest(context.Request.Path, accountId, authorization, body, DateTime.UtcNow) { StatusCode = 200 });
            if (body.ContainsKey("messaging_product"))
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    messaging_product = "whatsapp",
                    contacts = new[] { new { input = recipient, wa_id = recipient } },
                    messages = new[] { new { id = $"wamid.fake{Guid.NewGuid():N}" } },
                });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { recipient_id = recipient, message_id = $"mid.fake{Guid.NewGuid():N}" });
            }
        }
        finally
        {
            _inFlight.AddOrUpdate(recipient, 0, (_, n) => n - 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
