namespace AiSales.AiAgent.Trials;

/// <summary>The "try it" box's worker (AssistantTrials__*).</summary>
public sealed class TrialOptions
{
    public const string Section = "AssistantTrials";

    /// <summary>Trials answered at once by this process (each holds one connection while the model thinks).</summary>
    public int MaxConcurrent { get; set; } = 4;

    /// <summary>Waiting trials are looked for this often even without a notification (a lost NOTIFY only delays).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>A trial is deleted this long after it was asked.</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often the retention runs.</summary>
    public int RetentionIntervalMinutes { get; set; } = 10;
}
