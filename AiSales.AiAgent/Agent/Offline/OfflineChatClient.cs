using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AiSales.AiAgent.Agent.Offline;

/// <summary>
/// AI__Provider=offline: a deterministic chat model that still goes through Semantic Kernel's real machinery.
/// It reads the tools SK offers (ChatOptions.Tools), answers with FunctionCallContent, and — wrapped with
/// UseKernelFunctionInvocation() — gets FunctionResultContent back from the real plugins. It is stateless:
/// each round it re-reads the customer's latest messages, the draft order given in the history and the tool
/// results of this turn, then either calls
/// the next tool or writes the reply from those results. Product facts come only from tool results.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string LanguageMarker = "Reply language: ";
    public const string HandoffKeywordsMarker = "Handoff keywords: ";
    public const string AssistantNameMarker = "Assistant name: ";
    public const string GreetingMarker = "Greeting: ";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Counted like a hosted model's completion (no tokens), so GET /api/stats shows what the offline model answered.
        Model.TurnUsage.Current?.AddModelCall(0, 0);
        var list = messages.ToList();
        var system = string.Join('\n', list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var context = new OfflineContext(
            Language: Line(system, LanguageMarker) ?? "en",
            AssistantName: Line(system, AssistantNameMarker) ?? "Assistant",
            Greeting: Line(system, GreetingMarker),
            HandoffKeywords: (Line(system, HandoffKeywordsMarker) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var lastUser = list.FindLastIndex(m => m.Role == ChatRole.User);
        var firstUser = lastUser;
        while (firstUser > 0 && list[firstUser - 1].Role == ChatRole.User)
        {
            firstUser--;
        }

        var customerText = lastUser < 0 ? "" : string.Join('\n', list.Skip(firstUser).Take(lastUser - firstUser + 1).Select(m => m.Text));
        var results = ToolResults(list.Skip(lastUser + 1).ToList());
        var intent = IntentDetector.Detect(customerText, context.HandoffKeywords);

        var draftLine = Line(system, SalesAgent.DraftOrderMarker);
        var draft = draftLine is null || !LooksLikeJson(draftLine) ? (JsonElement?)null : Parse(draftLine);
        if (draft is { ValueKind: not JsonValueKind.Object })
        {
            draft = null;
        }

        var step = OfflinePlanner.Next(intent, draft, results, context);
        var tools = options?.Tools ?? [];
        if (step.Tool is { } toolName)
        {
            // SK names tools plugin-function or plugin_function depending on the connector.
            var tool = tools.FirstOrDefault(t => t.Name.EndsWith(toolName, StringComparison.Ordinal));
            if (tool is not null)
            {
                var call = new FunctionCallContent($"call_{results.Count + 1}_{toolName}", tool.Name, step.Arguments);
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])) { FinishReason = ChatFinishReason.ToolCalls });
            }
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, step.Text ?? "")) { FinishReason = ChatFinishReason.Stop });
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

    private static string? Line(string system, string marker) => system
        .Split('\n')
        .Select(l => l.Trim())
        .FirstOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal))?[marker.Length..].Trim();

    private static List<ToolResult> ToolResults(List<ChatMessage> turnMessages)
    {
        var names = turnMessages.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToDictionary(c => c.CallId, c => c.Name);
        return turnMessages
            .SelectMany(m => m.Contents.OfType<FunctionResultContent>())
            .Select(r => new ToolResult(Short(names.GetValueOrDefault(r.CallId, "")), ToJson(r.Result)))
            .ToList();
    }

    private static string Short(string name)
    {
        var cut = name.LastIndexOfAny(['-', '_', '.']);
        // Function names themselves contain underscores (search_products): keep the known suffixes whole.
        foreach (var known in OfflinePlanner.ToolNames)
        {
            if (name.EndsWith(known, StringComparison.Ordinal)) return known;
        }

        return cut < 0 ? name : name[(cut + 1)..];
    }

    private static JsonElement ToJson(object? result) => result switch
    {
        JsonElement element when element.ValueKind == JsonValueKind.String && LooksLikeJson(element.GetString()) => Parse(element.GetString()!),
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

public sealed record OfflineContext(string Language, string AssistantName, string? Greeting, IReadOnlyCollection<string> HandoffKeywords)
{
    public bool Arabic => Language == "ar";
}

public sealed record ToolResult(string Tool, JsonElement Value);
