namespace AiSales.Api.Media;

public enum MediaDownloadOutcome
{
    /// <summary>The bytes are in <see cref="MediaDownload.Content"/> (a temporary file, deleted on dispose).</summary>
    Downloaded,

    /// <summary>Larger than the platform's limit: refused without keeping any of it.</summary>
    TooLarge,

    /// <summary>May pass later (5xx after the pipeline's retries, a timeout, an expired URL twice in a row).</summary>
    Transient,

    /// <summary>Will not pass (the media id is unknown to Meta, an Instagram link that expired, no channel token).</summary>
    Permanent,
}

/// <summary>What one fetch of a customer's file gave. Never holds a token or a signed URL (they must not reach a log).</summary>
public sealed class MediaDownload : IDisposable
{
    private MediaDownload(MediaDownloadOutcome outcome, Stream? content, long size, string? sha256, string? error)
    {
        Outcome = outcome;
        Content = content;
        Size = size;
        Sha256 = sha256;
        Error = error;
    }

    public MediaDownloadOutcome Outcome { get; }

    public Stream? Content { get; }

    public long Size { get; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string? Sha256 { get; }

    public string? Error { get; }

    public static MediaDownload Downloaded(Stream content, long size, string sha256) => new(MediaDownloadOutcome.Downloaded, content, size, sha256, null);

    public static MediaDownload TooLarge(long size) => new(MediaDownloadOutcome.TooLarge, null, size, null, null);

    public static MediaDownload Transient(string error) => new(MediaDownloadOutcome.Transient, null, 0, null, error);

    public static MediaDownload Permanent(string error) => new(MediaDownloadOutcome.Permanent, null, 0, null, error);

    public void Dispose() => Content?.Dispose();
}
