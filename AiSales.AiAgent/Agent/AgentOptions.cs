namespace AiSales.AiAgent.Agent;

/// <summary>The language model behind the agent (contract section 3: AI__Provider, AI__Model, AI__Endpoint, AI__ApiKey).</summary>
public sealed class AgentOptions
{
    public const string Section = "AI";

    public string Provider { get; set; } = "offline";

    public string? Model { get; set; }

    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>How many earlier messages of the conversation the model sees.</summary>
    public int HistoryMessages { get; set; } = 20;
}
