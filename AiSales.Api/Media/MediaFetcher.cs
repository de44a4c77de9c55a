using AiSales.Core.Media;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;

namespace AiSales.Api.Media;

/// <summary>
/// Fetches, checks and stores one claimed file: opens the channel token only now, downloads within the platform's
/// limit, sniffs the bytes (MediaVerdict), writes the blob, and records the outcome. Logs ids and outcomes only:
/// never a token or a media URL (their query strings are signatures).
/// </summary>
public sealed class MediaFetcher(
    MediaStore store, MediaDownloader downloader, IBlobStore blobs, SecretProtector secrets, IOptions<MediaOptions> options,
    ILogger<MediaFetcher> logger)
{
    public async Task FetchAsync(MediaWork work, CancellationToken cancellationToken)
    {
        var max = MediaLimits.MaxBytes(work.Platform, work.Type);
        if (max is null)
        {
            await store.MarkRefusedAsync(work.Id, $"'{work.Type}' files are not fetched from {work.Platform}.", null);
            return;
        }

        using var download = await downloader.DownloadAsync(work, OpenToken(work), max.Value, cancellationToken);
        switch (download.Outcome)
        {
            case MediaDownloadOutcome.TooLarge:
                logger.LogInformation("Media {MediaId} refused: {Size} bytes, over the {Platform} {Type} limit", work.Id, download.Size, work.Platform, work.Type);
                await store.MarkRefusedAsync(work.Id, $"Too large: over the {work.Platform} {work.Type} limit of {max} bytes.", download.Size);
                return;
            case MediaDownloadOutcome.Transient when work.Attempts < options.Value.MaxAttempts:
                var delay = TimeSpan.FromSeconds(Math.Min(300, 2 * Math.Pow(2, work.Attempts)));
                logger.LogInformation("Media {MediaId} attempt {Attempt} failed ({Error}); next in {Delay}", work.Id, work.Attempts, download.Error, delay);
                await store.RetryOrFailAsync(work.Id, download.Error!, delay);
                return;
            case MediaDownloadOutcome.Transient or MediaDownloadOutcome.Permanent:
                logger.LogWarning("Media {MediaId} failed after {Attempt} attempt(s): {Error}", work.Id, work.Attempts, download.Error);
                await store.RetryOrFailAsync(work.Id, download.Error!, retryIn: null);
                return;
        }

        var content = download.Content!;
        var head = new byte[MediaSniffer.HeaderLength];
        var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        var verdict = MediaVerdict.Of(work.Type, work.Platform, download.Size, head.AsSpan(0, headLength), work.DeclaredMime);
        if (!verdict.Accepted)
        {
            logger.LogWarning("Media {MediaId} refused: {Reason}", work.Id, verdict.Refusal);
            await store.MarkRefusedAsync(work.Id, verdict.Refusal!, download.Size);
            return;
        }

        content.Position = 0;
        var key = BlobKeys.For(work.MerchantId, work.Id);
        await blobs.PutAsync(key, content, verdict.MimeType!, cancellationToken);
        await store.MarkStoredAsync(work.Id, verdict.MimeType!, download.Size, download.Sha256!, key);
        logger.LogInformation("Media {MediaId} stored ({MimeType}, {Size} bytes)", work.Id, verdict.MimeType, download.Size);
    }

    private string? OpenToken(MediaWork work)
    {
        if (work.TokenCiphertext is null || work.TokenKeyId is null)
        {
            return null;
        }

        try
        {
            return secrets.Open(new SealedSecret(work.TokenCiphertext, work.TokenKeyId), $"channel-token:{work.MerchantId}:{work.Platform}");
        }
        catch (SecretDecryptionException ex)
        {
            logger.LogWarning("Media {MediaId}: the channel token cannot be opened ({Error})", work.Id, ex.Message);
            return null;
        }
    }
}
