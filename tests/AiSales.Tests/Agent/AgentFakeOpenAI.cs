using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Agent;

/// <summary>
/// A fake OpenAI /v1/chat/completions (non-streaming): first asks for a tool (the catalogue search by default), then,
/// once the tool result is in the conversation, answers with text quoting that result, as a model grounded in tools
/// would. It can think for a while (<see cref="Latency"/>), answer an error status, or answer without a tool round;
/// every answer carries usage (10 prompt and 5 completion tokens).
/// </summary>
public sealed class AgentFakeOpenAI : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _requests = new();

    private AgentFakeOpenAI(WebApplication app, int port)
    {
        _app = app;
        Endpoint = $"http://127.0.0.1:{port}/v1/";
    }

    public string Endpoint { get; }

    public IReadOnlyCollection<JsonObject> Requests => _requests;

    /// <summary>How long each completion takes.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>When set, every completion is answered with this HTTP status and an error body.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>How many rounds of tool calls before the text answer (unless the request turns tools off).</summary>
    public int ToolRounds { get; set; } = 1;

    /// <summary>The tool asked for first (its name's suffix) and its JSON arguments; null answers with text at once.</summary>
    public (string Suffix, string Arguments)? Tool { get; set; } = ("search_products", "{\"query\":\"kaftan\"}");

    /// <summary>Tool calls to make one per completion, in order, before answering with text (a scripted model).</summary>
    public Queue<(string Suffix, string Arguments)> Script { get; } = new();

    /// <summary>What an agent process needs to use this fake as its model (AI__Provider openai, or hybrid).</summary>
    public Dictionary<string, string?> AgentEnvironment(string provider = "openai", string? apiKey = "sk-test") => new()
    {
        ["AI__Provider"] = provider,
        ["AI__Model"] = "gpt-test",
        ["AI__Endpoint"] = Endpoint,
        ["AI__ApiKey"] = apiKey,
    };

    /// <summary>The Authorization header of every request, in order.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<AgentFakeOpenAI> StartAsync()
    {
        var (app, port) = LocalHttpServer.Create();
        var fake = new AgentFakeOpenAI(app, port);
        app.MapPost("/v1/chat/completions", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        _requests.Enqueue(request);
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        await Task.Delay(Latency, context.RequestAborted);
        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error", type = "server_error" } });
            return;
        }

        var messages = request["messages"]!.AsArray();
        var last = messages[^1]!;
        object message;
        string finish;
        // Tool rounds of this turn: tool results after the customer's last message (the draft given at the start is one too).
        var lastUser = messages.Select((m, i) => (m, i)).Last(x => x.m!["role"]!.GetValue<string>() == "user").i;
        var roundsDone = messages.Skip(lastUser + 1).Count(m => m!["role"]!.GetValue<string>() == "tool");
        var toolsOff = request["tool_choice"]?.ToString() == "none" || request["tools"] is null;
        if (Script.Count > 0 && !toolsOff)
        {
            Tool = Script.Dequeue();
            ToolRounds = roundsDone + 1;
        }

        if (Tool is null || toolsOff || roundsDone >= ToolRounds)
        {
            var user = messages.LastOrDefault(m => m!["role"]!.GetValue<string>() == "user")?["content"]?.ToString();
            message = new { role = "assistant", content = Tool is null ? $"You said: {user}" : $"From our catalogue: {last["content"]}" };
            finish = "stop";
        }
        else
        {
            var (suffix, arguments) = Tool.Value;
            var tool = request["tools"]!.AsArray()
                .Select(t => t!["function"]!["name"]!.GetValue<string>())
                .First(n => n.EndsWith(suffix, StringComparison.Ordinal));
            message = new
            {
                role = "assistant",
                content = (string?)null,
                tool_calls = new[]
                {
                    new { id = "call_1", type = "function", function = new { name = tool, arguments } },
                },
            };
            finish = "tool_calls";
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = request["model"]?.GetValue<string>() ?? "fake",
            choices = new[] { new { index = 0, message, finish_reason = finish } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
