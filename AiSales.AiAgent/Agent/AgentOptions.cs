namespace AiSales.AiAgent.Agent;

/// <summary>
/// The language model behind the agent and the budget of one turn (contract section 3: AI__Provider, AI__Model,
/// AI__Endpoint, AI__ApiKey, AI__TimeoutSeconds; the rest are this project's own, docs/agent.md).
/// </summary>
public sealed class AgentOptions
{
    public const string Section = "AI";

    public string Provider { get; set; } = "offline";

    public string? Model { get; set; }

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>How long one model completion may take before it is abandoned (never re-sent after that).</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>How many earlier messages of the conversation the model sees at most.</summary>
    public int HistoryMessages { get; set; } = 20;

    /// <summary>The earlier messages are trimmed, oldest first, to about this many tokens.</summary>
    public int HistoryTokenBudget { get; set; } = 2000;

    /// <summary>Model rounds that may call tools in one turn; then the model must answer with what it has.</summary>
    public int MaxToolRounds { get; set; } = 5;

    /// <summary>A turn answers at most this many of the newest pending messages; older ones are marked skipped.</summary>
    public int MaxMessagesPerTurn { get; set; } = 10;

    /// <summary>Tries of one turn (any failure: the model, a timeout, a tool); then the fallback message and a handoff.</summary>
    public int MaxTurnAttempts { get; set; } = 3;

    /// <summary>A turn's lease on its conversation; renewed while the turn runs, taken over when its owner died.</summary>
    public int TurnLeaseSeconds { get; set; } = 30;

    /// <summary>Retries of one completion after a connection failure, 429 or 5xx (before the provider may have started it).</summary>
    public int ModelRetries { get; set; } = 2;
}
