using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Agent;

/// <summary>
/// A fake OpenAI /v1/chat/completions (non-streaming): first asks for the catalogue search tool, then, once the
/// tool result is in the conversation, answers with text quoting that result, as a model grounded in tools would.
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
        var messages = request["messages"]!.AsArray();
        var last = messages[^1]!;
        object message;
        string finish;
        if (last["role"]!.GetValue<string>() == "tool")
        {
            message = new { role = "assistant", content = $"From our catalogue: {last["content"]}" };
            finish = "stop";
        }
        else
        {
            var tool = request["tools"]!.AsArray()
                .Select(t => t!["function"]!["name"]!.GetValue<string>())
                .First(n => n.EndsWith("search_products", StringComparison.Ordinal));
            message = new
            {
                role = "assistant",
                content = (string?)null,
                tool_calls = new[]
                {
                    new { id = "call_1", type = "function", function = new { name = tool, arguments = "{\"query\":\"kaftan\"}" } },
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
