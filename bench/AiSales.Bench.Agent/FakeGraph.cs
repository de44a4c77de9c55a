using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Bench.Agent;

/// <summary>How the fake Graph API answers sends (the fault suite switches it during a scenario).</summary>
public enum GraphFault
{
    /// <summary>As Meta: the message is sent, 200 with its id.</summary>
    None,

    /// <summary>500 with Meta's transient error shape (code 2, "Service temporarily unavailable"); nothing is sent.</summary>
    ServerError,

    /// <summary>No answer: the request is held until the sender gives up, and nothing is sent.</summary>
    Timeout,

    /// <summary>The message is sent at once, but the answer takes 2 s (sends are in flight: "mid-send").</summary>
    Slow,
}

/// <summary>
/// A fake Graph API (Kestrel on 127.0.0.1): timestamps each POST /{version}/{phone_number_id}/messages by recipient
/// and answers with Meta's success shape, or fails as <see cref="Fault"/> says.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGraph(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    /// <summary>The first reply per customer: when it arrived (Stopwatch timestamp) and its text.</summary>
    public ConcurrentDictionary<string, (long At, string Text)> FirstReply { get; } = new();

    /// <summary>Every reply's text per customer, in arrival order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Replies { get; } = new();

    /// <summary>How sends are answered right now.</summary>
    public GraphFault Fault { get; set; }

    /// <summary>Sends refused (500) or left unanswered because of <see cref="Fault"/>.</summary>
    public long Faulted => Interlocked.Read(ref _faulted);

    private long _faulted;
    private int _inFlight;

    /// <summary>Sends being handled right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public int RepliesTo(string customer) => Replies.TryGetValue(customer, out var texts) ? texts.Count : 0;

    public static async Task<FakeGraph> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var graph = new FakeGraph(builder.Build(), port);
        graph._app.MapPost("/{version}/{account}/messages", graph.HandleAsync);
        await graph._app.StartAsync();
        return graph;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await AnswerAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var at = Stopwatch.GetTimestamp();
        switch (Fault)
        {
            case GraphFault.ServerError:
                Interlocked.Increment(ref _faulted);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2,"fbtrace_id":"AbenchFault"}}""");
                return;
            case GraphFault.Timeout:
                Interlocked.Increment(ref _faulted);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (body.RootElement.TryGetProperty("to", out var to) && to.GetString() is { } customer)
        {
            var text = body.RootElement.TryGetProperty("text", out var t) && t.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
            FirstReply.TryAdd(customer, (at, text));
            Replies.GetOrAdd(customer, _ => new ConcurrentQueue<string>()).Enqueue(text);
        }

        if (Fault == GraphFault.Slow)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"messaging_product":"whatsapp","messages":[{"id":"wamid.{{Guid.NewGuid():N}}"}]}""");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
