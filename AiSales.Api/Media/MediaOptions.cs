namespace AiSales.Api.Media;

/// <summary>Settings of customers' files (docs/media.md, section "Settings"): Media__*.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Media__Directory: the files backend's folder; empty = "aisales-media" in the system's temp folder.</summary>
    public string? Directory { get; set; }

    /// <summary>Media__AzureBlobConnectionString: when set, files go to Azure Blob Storage instead of the folder.</summary>
    public string? AzureBlobConnectionString { get; set; }

    public string AzureBlobContainer { get; set; } = "media";

    /// <summary>Media__Workers: files fetched at once by this API instance; 0 turns the worker off.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Media__PollMilliseconds: how often the worker looks for due files when it found none.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Media__MaxAttempts: fetches of one file before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Media__AttemptTimeoutSeconds: one HTTP request (the metadata or the file) before it is retried.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 60;

    /// <summary>Media__RetentionDays: customers' files (bytes and rows) are deleted this many days after they arrived; 0 keeps them.</summary>
    public double RetentionDays { get; set; } = 90;

    /// <summary>Media__RetentionInterval: how often the retention looks for files past their time.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Media__RetentionBatchSize: files deleted per batch (one short transaction each).</summary>
    public int RetentionBatchSize { get; set; } = 100;

    public string ResolvedDirectory => string.IsNullOrWhiteSpace(Directory)
        ? Path.Combine(Path.GetTempPath(), "aisales-media")
        : Directory;

    public bool UsesAzure => !string.IsNullOrWhiteSpace(AzureBlobConnectionString);
}
