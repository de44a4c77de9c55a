namespace AiSales.Api.AiConfig;

/// <summary>The "try it" box in the API (AssistantTrials__*): its own per-merchant limit, and how long a request waits.</summary>
public sealed class AssistantTrialSettings
{
    public const string Section = "AssistantTrials";
    public const string Policy = "assistant-trial";

    /// <summary>Trials per merchant (all its keys and people together) per window: each one runs the model.</summary>
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>How long POST waits for the agent's answer before answering 504 (the trial stays readable by id).</summary>
    public int WaitSeconds { get; set; } = 30;
}
