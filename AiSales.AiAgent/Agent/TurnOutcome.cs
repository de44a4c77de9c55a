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

/// <summary>
/// A committed turn and what is left to do outside its transaction: the reply's first part, already leased to this
/// process ('sending'), to send now; and whether more parts wait for the delivery worker.
/// </summary>
public sealed record TurnResult(TurnOutcome Outcome, Delivery.ClaimedDelivery? SendNow = null, bool MoreQueued = false)
{
    public static readonly TurnResult NothingPending = new(TurnOutcome.NothingPending);
    public static readonly TurnResult Busy = new(TurnOutcome.Busy);
    public static readonly TurnResult Skipped = new(TurnOutcome.Skipped);
}
