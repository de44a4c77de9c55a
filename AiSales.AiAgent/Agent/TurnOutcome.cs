namespace AiSales.AiAgent.Agent;

/// <summary>What one attempt to answer a conversation did.</summary>
public enum TurnOutcome
{
    NothingPending,
    Answered,
    Skipped,
    /// <summary>Another agent instance is answering this conversation right now.</summary>
    Busy,
}
