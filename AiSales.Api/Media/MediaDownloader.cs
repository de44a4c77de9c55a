using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AiSales.Api.Media;

/// <summary>
/// Fetches one customer file over HTTP (contract section 5). WhatsApp takes two steps with the channel token:
/// <c>GET {version}/{media-id}</c> answers <c>{url, mime_type, file_size, sha256}</c>, then the url itself. The url lives
/// about five minutes: when it answers 401/403/404/410 the media id is asked again for a fresh one. Instagram gives
/// a direct CDN link, fetched without the token. Transient HTTP failures are retried by the client's Polly pipeline
/// (MediaExtensions); the size cap is enforced on the declared size, the Content-Length and the bytes read.
/// </summary>
public sealed class MediaDownloader(HttpClient http, IOptions<GraphOptions> graph)
{
    private const int BufferSize = 81920;

    public async Task<MediaDownload> DownloadAsync(MediaWork work, string? token, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            if (work.GraphMediaId is null)
            {
                return await FetchFileAsync(new Uri(work.SourceUrl!), bearer: null, maxBytes, expectedSha256: null, cancellationToken) switch
                {
                    (null, var expired) when expired => MediaDownload.Permanent("The attachment link has expired."),
                    (var download, _) => download!,
                };
            }

            if (token is null)
            {
                return MediaDownload.Permanent("The channel has no usable access token.");
            }

            // The first url may have expired before we got to it: one fresh url, then the normal retry path.
            for (var lookup = 0; lookup < 2; lookup++)
            {
                var (metadata, problem) = await LookUpAsync(work.GraphMediaId, token, cancellationToken);
                if (metadata is null)
                {
                    return problem!;
                }

                if (metadata.FileSize > maxBytes)
                {
                    return MediaDownload.TooLarge(metadata.FileSize.Value);
                }

                var (download, expired) = await FetchFileAsync(metadata.Url, token, maxBytes, metadata.Sha256, cancellationToken);
                if (!expired)
                {
                    return download!;
                }
            }

            return MediaDownload.Transient("The media URL was refused twice after a fresh look-up.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or IOException
                                   || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return MediaDownload.Transient($"The file could not be fetched ({ex.GetType().Name}).");
        }
    }

    private sealed record Metadata(Uri Url, long? FileSize, string? Sha256);

    private async Task<(Metadata?, MediaDownload?)> LookUpAsync(string mediaId, string token, CancellationToken cancellationToken)
    {
        var version = graph.Value.GraphApiVersion.Trim('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{version}/{Uri.EscapeDataString(mediaId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var reason = $"The Graph API answered HTTP {(int)response.StatusCode} to the media look-up.";
            return (null, (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                ? MediaDownload.Transient(reason)
                : MediaDownload.Permanent(reason));
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                return (null, MediaDownload.Transient("The media look-up answered without a url."));
            }

            long? size = root.TryGetProperty("file_size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n
                : s.ValueKind == JsonValueKind.String && long.TryParse(s.GetString(), out var parsed) ? parsed : null;
            var sha = root.TryGetProperty("sha256", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            return (new Metadata(uri, size, sha), null);
        }
        catch (JsonException)
        {
            return (null, MediaDownload.Transient("The media look-up answered something that is not JSON."));
        }
    }

    /// <summary>The file, or (null, true) when the url refused us as expired.</summary>
    private async Task<(MediaDownload?, bool Expired)> FetchFileAsync(
        Uri url, string? bearer, long maxBytes, string? expectedSha256, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return (null, true);
        }

        if (!response.IsSuccessStatusCode)
        {
            return (MediaDownload.Transient($"The media URL answered HTTP {(int)response.StatusCode}."), false);
        }

        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return (MediaDownload.TooLarge(response.Content.Headers.ContentLength.Value), false);
        }

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, BufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[BufferSize];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    await file.DisposeAsync();
                    return (MediaDownload.TooLarge(total), false);
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (expectedSha256 is not null && !string.Equals(expectedSha256, sha256, StringComparison.OrdinalIgnoreCase))
            {
                await file.DisposeAsync();
                return (MediaDownload.Transient("The file's SHA-256 does not match the one Meta gave."), false);
            }

            file.Position = 0;
            return (MediaDownload.Downloaded(file, total, sha256), false);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
