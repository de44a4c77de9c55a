using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Bench.Agent;

/// <summary>What the fake model answered.</summary>
public enum ModelAnswer { ToolCall, Text, Fault, Aborted }

/// <summary>One completion request: whose turn (the customer tag in the DM), when it arrived, how long the fake took.</summary>
public sealed record ModelCall(string Customer, long ArrivedAt, TimeSpan Took, ModelAnswer Answer);

/// <summary>
/// A fake OpenAI-compatible model (Kestrel on 127.0.0.1, non-streaming POST /v1/chat/completions) that takes
/// <c>latency</c> per completion: first a call to the catalogue search tool (the tool in the request whose name ends
/// in search_products, its query the customer's last message), then, once a tool result is the last message, the
/// final text (<see cref="AnswerPrefix"/> + the tool result). Every answer carries usage. While a fault window is
/// set, it answers 500 with OpenAI's error shape at once. Each request is recorded by customer: the bench finds the
/// customer in the DM's text (<see cref="Tag"/>), so it can subtract the model's own time per conversation.
/// </summary>
public sealed partial class FakeModelServer : IAsyncDisposable
{
    /// <summary>The start of every final answer: a reply that does not start so was written by the agent itself.</summary>
    public const string AnswerPrefix = "From our catalogue:";

    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private long _faultFrom = long.MaxValue;
    private long _faultUntil = long.MinValue;

    private FakeModelServer(WebApplication app, int port, TimeSpan latency)
    {
        _app = app;
        _latency = latency;
        Endpoint = $"http://127.0.0.1:{port}/v1/";
    }

    /// <summary>The base address for AI__Endpoint.</summary>
    public string Endpoint { get; }

    public ConcurrentQueue<ModelCall> Calls { get; } = new();

    /// <summary>Completions being answered right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    private int _inFlight;

    /// <summary>The customer tag the bench appends to each DM in model mode.</summary>
    public static string Tag(string customer) => $"[bench {customer}]";

    public static async Task<FakeModelServer> StartAsync(TimeSpan latency)
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var model = new FakeModelServer(builder.Build(), port, latency);
        model._app.MapPost("/v1/chat/completions", model.HandleAsync);
        await model._app.StartAsync();
        return model;
    }

    /// <summary>Requests arriving between these Stopwatch timestamps are answered 500.</summary>
    public void FailBetween(long from, long until)
    {
        Interlocked.Exchange(ref _faultUntil, until);
        Interlocked.Exchange(ref _faultFrom, from);
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
        var arrived = Stopwatch.GetTimestamp();
        // A JsonDocument (pooled buffers), read once: this process shares the cores with the platform it measures.
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = request.RootElement;
        JsonElement[] messages = root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];
        var lastUser = messages.LastOrDefault(m => Role(m) == "user") is { ValueKind: JsonValueKind.Object } user ? Content(user) : "";

        var customer = CustomerTag().Match(lastUser) is { Success: true } match ? match.Groups[1].Value : "?";
        if (arrived >= Interlocked.Read(ref _faultFrom) && arrived < Interlocked.Read(ref _faultUntil))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new
            {
                error = new { message = "The server had an error while processing your request.", type = "server_error", param = (string?)null, code = (string?)null },
            });
            Calls.Enqueue(new ModelCall(customer, arrived, Stopwatch.GetElapsedTime(arrived), ModelAnswer.Fault));
            return;
        }

        try
        {
            await Task.Delay(_latency, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The agent gave up on this completion (its timeout) before the model answered.
            Calls.Enqueue(new ModelCall(customer, arrived, Stopwatch.GetElapsedTime(arrived), ModelAnswer.Aborted));
            return;
        }

        // Usage: about four characters a token, over the whole request (messages and tool definitions).
        var promptChars = (int)(context.Request.ContentLength ?? 0);
        JsonElement? last = messages.Length > 0 ? messages[^1] : null;
        var tool = SearchTool(root);
        object message;
        string finish;
        ModelAnswer answer;
        if ((last is { } l && Role(l) == "tool") || tool is null)
        {
            var result = last is { } final ? Content(final) : "";
            message = new { role = "assistant", content = $"{AnswerPrefix} {(result.Length > 300 ? result[..300] : result)}" };
            (finish, answer) = ("stop", ModelAnswer.Text);
        }
        else
        {
            var query = CustomerTag().Replace(lastUser, "").Trim();
            var arguments = JsonSerializer.Serialize(new { query });
            message = new
            {
                role = "assistant",
                content = (string?)null,
                tool_calls = new[] { new { id = $"call_{Guid.NewGuid():N}", type = "function", function = new { name = tool, arguments } } },
            };
            (finish, answer) = ("tool_calls", ModelAnswer.ToolCall);
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = $"chatcmpl-{Guid.NewGuid():N}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = root.TryGetProperty("model", out var model) ? model.GetString() : "fake",
            choices = new[] { new { index = 0, message, finish_reason = finish } },
            usage = new { prompt_tokens = promptChars / 4 + 1, completion_tokens = 12, total_tokens = promptChars / 4 + 13 },
        }, context.RequestAborted);
        Calls.Enqueue(new ModelCall(customer, arrived, Stopwatch.GetElapsedTime(arrived), answer));
    }

    /// <summary>The name of the request's tool that ends in search_products, or null.</summary>
    private static string? SearchTool(JsonElement request)
    {
        if (!request.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var tool in tools.EnumerateArray())
        {
            if (tool.TryGetProperty("function", out var function) && function.TryGetProperty("name", out var name)
                && name.GetString() is { } text && text.EndsWith("search_products", StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    private static string? Role(JsonElement message) => message.TryGetProperty("role", out var role) ? role.GetString() : null;

    /// <summary>A message's text: a string, or the text parts of an array of content parts.</summary>
    private static string Content(JsonElement message) => !message.TryGetProperty("content", out var content) ? "" : content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var text) ? text.GetString() : null)),
        _ => "",
    };

    [GeneratedRegex(@"\[bench (\d+)\]")]
    private static partial Regex CustomerTag();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
