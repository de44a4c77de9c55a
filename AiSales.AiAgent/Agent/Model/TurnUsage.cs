namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// What one turn cost: model calls, tokens, tool calls, time. The model's HTTP handler and the offline model add to
/// the turn that is current in their async flow (<see cref="Current"/>); the turn's commit stores it in agent_turns.
/// </summary>
public sealed class TurnUsage(Guid merchantId, string provider, string model)
{
    private static readonly AsyncLocal<TurnUsage?> s_current = new();
    private int _modelCalls;
    private int _promptTokens;
    private int _completionTokens;
    private int _toolCalls;

    /// <summary>The turn being answered in this async flow, if any.</summary>
    public static TurnUsage? Current => s_current.Value;

    public Guid MerchantId { get; } = merchantId;

    public string Provider { get; private set; } = provider;

    public string Model { get; private set; } = model;

    /// <summary>With AI__Provider=hybrid the model is chosen per turn: the one that answered this one.</summary>
    public void AnsweredBy(string provider, string model) => (Provider, Model) = (provider, model);

    public int ModelCalls => _modelCalls;

    public int PromptTokens => _promptTokens;

    public int CompletionTokens => _completionTokens;

    public int ToolCalls => _toolCalls;

    public TimeSpan Duration { get; set; }

    /// <summary>Makes this the current turn of the calling async flow (and of what it awaits).</summary>
    public void MakeCurrent() => s_current.Value = this;

    public void AddModelCall(int promptTokens, int completionTokens)
    {
        Interlocked.Increment(ref _modelCalls);
        Interlocked.Add(ref _promptTokens, promptTokens);
        Interlocked.Add(ref _completionTokens, completionTokens);
    }

    public void AddToolCall() => Interlocked.Increment(ref _toolCalls);
}
