namespace AiSales.AiAgent.Agent;

/// <summary>How one attempt to answer a conversation ended.</summary>
public enum TurnOutcome
{
    NothingPending,
    /// <summary>The lease is someone else's (another instance's live turn) or the conversation pauses after a failure.</summary>
    NotClaimed,
    /// <summary>An earlier webhook event of the customer may still hold an earlier message: look again shortly.</summary>
    Waiting,
    Answered,
    /// <summary>The AI may not speak (a person's conversation, the AI off, the window closed…): messages skipped.</summary>
    Skipped,
    /// <summary>The reply was not sent: a person took over while the model was thinking, or the lease was lost.</summary>
    Superseded,
    /// <summary>A try failed; the conversation is retried after <see cref="TurnResult.RetryAfter"/>.</summary>
    Failed,
    /// <summary>The last try failed: the fallback went to the customer and the conversation to a person.</summary>
    GaveUp,
}

/// <summary>
/// A finished turn and what is left to do outside its transaction: the reply's first part, already leased to this
/// process ('sending'), to send now; whether more parts wait for the delivery worker; whether newer messages wait for
/// the next turn; when to try again after a failure.
/// </summary>
public sealed record TurnResult(
    TurnOutcome Outcome, Delivery.ClaimedDelivery? SendNow = null, bool MoreQueued = false, bool MorePending = false, TimeSpan? RetryAfter = null)
{
    public static readonly TurnResult NothingPending = new(TurnOutcome.NothingPending);
    public static readonly TurnResult NotClaimed = new(TurnOutcome.NotClaimed);
    public static readonly TurnResult Skipped = new(TurnOutcome.Skipped);
    public static readonly TurnResult Superseded = new(TurnOutcome.Superseded);
    public static readonly TurnResult Waiting = new(TurnOutcome.Waiting, RetryAfter: TimeSpan.FromMilliseconds(50));
}
