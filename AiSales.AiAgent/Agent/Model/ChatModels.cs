using AiSales.AiAgent.Agent.Offline;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// The chat models this instance has (AI__Provider) and which one answers a turn: the only one, or — with hybrid — the
/// offline model when its move is at least <see cref="DialoguePolicy.HybridThreshold"/> sure, the LLM otherwise. Each
/// turn records which one answered (agent_turns.provider, so GET /api/stats shows the share).
/// </summary>
public sealed class ChatModels(IServiceProvider services, IOptions<AgentOptions> options)
{
    public const string OfflineKey = "offline";
    public const string LlmKey = "llm";

    private IChatCompletionService? Offline => services.GetKeyedService<IChatCompletionService>(OfflineKey);

    private IChatCompletionService? Llm => services.GetKeyedService<IChatCompletionService>(LlmKey);

    /// <summary>
    /// Whether a turn must be read for the offline model (offline or hybrid). With only a hosted model nothing reads it,
    /// so the turn skips that work: the hosted model reads the chat alone.
    /// </summary>
    public bool ReadsTurns => Offline is not null;

    /// <summary>The model that answers; <paramref name="turn"/> is the offline reading, null when nothing reads turns.</summary>
    public (IChatCompletionService Chat, string Provider, string Model) For(OfflineTurn? turn)
    {
        var settings = options.Value;
        var llmProvider = settings.Provider.Equals("azure-openai", StringComparison.OrdinalIgnoreCase) ? "azure-openai" : "openai";
        if (Llm is { } llm && (turn is null || Offline is null || DialoguePolicy.Confidence(DialoguePolicy.Decide(turn)) < DialoguePolicy.HybridThreshold))
        {
            return (llm, llmProvider, settings.Model ?? llmProvider);
        }

        // The provider name the turn records (agent_turns.provider) and ToolSettings reads: the offline model's key.
        return (Offline ?? throw new InvalidOperationException("No chat model is configured."), OfflineKey, OfflineKey);
    }
}
