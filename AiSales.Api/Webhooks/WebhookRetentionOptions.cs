namespace AiSales.Api.Webhooks;

/// <summary>Webhooks__Retention__*: how long finished webhook bodies are kept, and how the deleting is paced.</summary>
public sealed class WebhookRetentionOptions
{
    public const string Section = "Webhooks:Retention";

    public bool Enabled { get; set; } = true;

    public double ProcessedDays { get; set; } = 7;

    public double UnprocessedDays { get; set; } = 30;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public int BatchSize { get; set; } = 1000;

    public TimeSpan BatchPause { get; set; } = TimeSpan.FromMilliseconds(50);
}
