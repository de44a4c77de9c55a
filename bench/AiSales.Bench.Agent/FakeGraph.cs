using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Bench.Agent;

/// <summary>
/// A fake Graph API (Kestrel on 127.0.0.1): timestamps each POST /{version}/{phone_number_id}/messages by recipient
/// and answers with Meta's success shape.
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
        var at = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (body.RootElement.TryGetProperty("to", out var to) && to.GetString() is { } customer)
        {
            var text = body.RootElement.TryGetProperty("text", out var t) && t.TryGetProperty("body", out var b) ? b.GetString() ?? "" : "";
            FirstReply.TryAdd(customer, (at, text));
            Replies.GetOrAdd(customer, _ => new ConcurrentQueue<string>()).Enqueue(text);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"messaging_product":"whatsapp","messages":[{"id":"wamid.{{Guid.NewGuid():N}}"}]}""");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
