namespace AiSales.Core.Trials;

/// <summary>
/// What the API and the agent share about the "try it" box: the table's states and the channel that wakes the agent.
/// The API inserts a 'pending' trial and waits for it; an agent claims it ('answering'), dry-runs the sales agent and
/// leaves 'answered' (with the reply) or 'failed' (with the reason).
/// </summary>
public static class AssistantTrials
{
    public const string Pending = "pending";
    public const string Answering = "answering";
    public const string Answered = "answered";
    public const string Failed = "failed";

    /// <summary>NOTIFY channel: a trial is waiting (the payload is its id). Agents also poll, so a lost notice only delays.</summary>
    public const string WakeChannel = "assistant_trials";

    /// <summary>The longest customer message a trial takes (a WhatsApp text's limit).</summary>
    public const int MaxTextLength = 4096;

    /// <summary>A trial older than this is no longer waited for by anyone: agents leave it to the retention.</summary>
    public static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(60);
}
