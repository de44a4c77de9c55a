using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AiSales.Tests.Media;

/// <summary>A customer's file as Meta holds it, and how its URL should behave.</summary>
public sealed class FakeMediaFile(string token, byte[] bytes, string mimeType)
{
    public string Token { get; } = token;

    public byte[] Bytes { get; } = bytes;

    public string MimeType { get; } = mimeType;

    /// <summary>Whether the look-up states file_size (false: only the download shows the size).</summary>
    public bool DeclareSize { get; init; } = true;

    /// <summary>How many first downloads answer 403 as an expired URL does.</summary>
    public int ExpiredDownloads { get; set; }

    public int LookUps;

    public int Downloads;
}

/// <summary>
/// The Graph API's media endpoints over real HTTP, in the test process: <c>GET /{version}/{media-id}</c> with the owning
/// token answers <c>{url, mime_type, sha256, file_size, id}</c>; the url serves the bytes to the same bearer (or to
/// anyone, for an Instagram CDN link). Sends (<c>POST /{version}/{account}/messages</c>) are accepted, so the agent's
/// replies to the test customers go nowhere.
/// </summary>
public sealed class MediaFakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeMediaFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string AccountId, string Body)> _sends = new();
    private readonly ConcurrentDictionary<string, (string Token, object[] Templates)> _templates = new(StringComparer.Ordinal);

    private MediaFakeGraph(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static async Task<MediaFakeGraph> StartAsync()
    {
        var (app, port) = LocalHttpServer.Create();
        var fake = new MediaFakeGraph(app, port);
        app.MapGet("/{version}/{mediaId}", fake.LookUp);
        app.MapGet("/files/{mediaId}", fake.Download);
        app.MapGet("/{version}/{wabaId}/message_templates", fake.Templates);
        app.MapGet("/cdn/{mediaId}", (string mediaId) => fake._files.TryGetValue(mediaId, out var file)
            ? Results.Bytes(file.Bytes, file.MimeType)
            : Results.NotFound());
        app.MapPost("/{version}/{accountId}/messages", async (string accountId, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            fake._sends.Enqueue((accountId, await reader.ReadToEndAsync()));
            return Results.Ok(new
            {
            messaging_product = "whatsapp",
            messages = new[] { new { id = $"wamid.fake{Guid.NewGuid():N}" } },
            message_id = $"mid.fake{Guid.NewGuid():N}",
            });
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>The bodies POSTed to an account's messages endpoint (the agent's replies), oldest first.</summary>
    public IReadOnlyList<string> SendsTo(string accountId) => _sends.Where(s => s.AccountId == accountId).Select(s => s.Body).ToList();

    public FakeMediaFile Add(string mediaId, FakeMediaFile file) => _files[mediaId] = file;

    /// <summary>The templates of a fake WhatsApp Business Account, served two per page, to the given token only.</summary>
    public void AddTemplates(string wabaId, string token, params object[] templates) => _templates[wabaId] = (token, templates);

    /// <summary>A link Instagram would put in an attachment's payload.url.</summary>
    public string CdnUrl(string mediaId) => $"{BaseUrl}/cdn/{mediaId}?oh=signature";

    private IResult LookUp(string version, string mediaId, HttpContext context)
    {
        if (!_files.TryGetValue(mediaId, out var file))
        {
            return Results.Json(new { error = new { message = "Unsupported get request.", type = "GraphMethodException", code = 100 } }, statusCode: 400);
        }

        Interlocked.Increment(ref file.LookUps);
        if (context.Request.Headers.Authorization != $"Bearer {file.Token}")
        {
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 401);
        }

        return Results.Ok(new
        {
            messaging_product = "whatsapp",
            url = $"{BaseUrl}/files/{mediaId}?ext=1&hash=signature",
            mime_type = file.MimeType,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
            file_size = file.DeclareSize ? file.Bytes.LongLength : (long?)null,
            id = mediaId,
        });
    }

    private IResult Templates(string version, string wabaId, HttpContext context)
    {
        if (!_templates.TryGetValue(wabaId, out var account) || context.Request.Headers.Authorization != $"Bearer {account.Token}")
        {
            return Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190 } }, statusCode: 401);
        }

        var start = int.TryParse(context.Request.Query["after"], out var after) ? after : 0;
        var page = account.Templates.Skip(start).Take(2).ToArray();
        var next = start + page.Length < account.Templates.Length;
        return Results.Ok(new
        {
            data = page,
            paging = next
                ? (object)new { cursors = new { before = start.ToString(), after = (start + 2).ToString() }, next = $"{BaseUrl}/{version}/{wabaId}/message_templates?after={start + 2}" }
                : new { cursors = new { before = start.ToString(), after = (start + page.Length).ToString() } },
        });
    }

    private IResult Download(string mediaId, HttpContext context)
    {
        if (!_files.TryGetValue(mediaId, out var file) || context.Request.Headers.Authorization != $"Bearer {file.Token}")
        {
            return Results.StatusCode(StatusCodes.Status404NotFound);
        }

        Interlocked.Increment(ref file.Downloads);
        lock (file)
        {
            if (file.ExpiredDownloads > 0)
            {
                file.ExpiredDownloads--;
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }

        return Results.Bytes(file.Bytes, file.MimeType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
