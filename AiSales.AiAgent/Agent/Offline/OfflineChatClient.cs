using System.Diagnostics;
using System.Text.Json;
using AiSales.AiAgent.Agent.Model;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using Microsoft.Extensions.AI;

namespace AiSales.AiAgent.Agent.Offline;

/// <summary>
/// AI__Provider=offline: a deterministic dialogue manager that still goes through Semantic Kernel's real machinery.
/// It reads the turn from <see cref="OfflineTurn.Current"/> (typed: the reading of the customer's messages, what the
/// assistant remembers, the draft), answers with FunctionCallContent for the tools SK offers and — wrapped with
/// UseKernelFunctionInvocation() — gets the real plugins' results back, round after round, until
/// <see cref="DialoguePolicy"/> writes the reply from those results. Product facts come only from tool results.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Counted and measured like a hosted model's completion (no tokens), so GET /api/stats and the gen_ai metrics
        // show what the offline model answered.
        var usage = TurnUsage.Current;
        usage?.AddModelCall(0, 0);
        using var activity = ModelTelemetry.StartChat(ChatModels.OfflineKey, ChatModels.OfflineKey, usage?.MerchantId);
        var started = Stopwatch.GetTimestamp();
        var response = Respond(messages, options);
        ModelTelemetry.Record(activity, ChatModels.OfflineKey, ChatModels.OfflineKey, usage?.MerchantId,
            Stopwatch.GetElapsedTime(started), new(0, 0, ChatModels.OfflineKey, response.FinishReason?.Value, null));
        return Task.FromResult(response);
    }

    private static ChatResponse Respond(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var turn = OfflineTurn.Current ?? throw new InvalidOperationException("The offline model was called outside a turn.");
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var step = DialoguePolicy.Next(turn, new TurnResults(ResultsOfThisTurn(list)));
        if (step.Tool is { } toolName)
        {
            // SK names tools plugin-function or plugin_function depending on the connector.
            var tool = (options?.Tools ?? []).FirstOrDefault(t => t.Name.EndsWith(toolName, StringComparison.Ordinal));
            if (tool is not null)
            {
                var call = new FunctionCallContent($"call_{list.Count}_{toolName}", tool.Name, step.Arguments);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])) { FinishReason = ChatFinishReason.ToolCalls };
            }

            // Tools switched off (the turn's tool budget is spent): say what can be said without them.
            step = Step.Reply(turn.Say.Help(), turn.State);
        }

        turn.NextState = step.State;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, step.Text ?? "")) { FinishReason = ChatFinishReason.Stop };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>The tool results after the customer's last message, in call order, named by the tool that gave them.</summary>
    private static List<ToolResult> ResultsOfThisTurn(IList<ChatMessage> messages)
    {
        var lastUser = -1;
        for (var i = messages.Count - 1; i >= 0 && lastUser < 0; i--)
        {
            if (messages[i].Role == ChatRole.User) lastUser = i;
        }

        var names = new Dictionary<string, string>();
        var results = new List<ToolResult>();
        for (var i = lastUser + 1; i < messages.Count; i++)
        {
            foreach (var content in messages[i].Contents)
            {
                if (content is FunctionCallContent call) names[call.CallId] = call.Name;
                else if (content is FunctionResultContent result)
                {
                    results.Add(new ToolResult(Tools.Short(names.GetValueOrDefault(result.CallId, "")), ToJson(result.Result)));
                }
            }
        }

        return results;
    }

    private static JsonElement ToJson(object? result) => result switch
    {
        JsonElement { ValueKind: JsonValueKind.String } element when LooksLikeJson(element.GetString()) => Parse(element.GetString()!),
        JsonElement element => element,
        string text when LooksLikeJson(text) => Parse(text),
        null => JsonSerializer.SerializeToElement<object?>(null),
        _ => JsonSerializer.SerializeToElement(result, result.GetType()),
    };

    private static bool LooksLikeJson(string? text) => text is not null && text.TrimStart() is ['{', ..] or ['[', ..] or "null";

    private static JsonElement Parse(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
