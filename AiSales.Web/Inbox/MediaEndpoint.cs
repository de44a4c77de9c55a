using AiSales.Web.Api;

namespace AiSales.Web.Inbox;

/// <summary>
/// GET /media/{id} in the console: a customer's file from the API's GET /api/media/{id}, passed through as it streams,
/// so that an &lt;img&gt; or a download link works with the browser's cookie while the API token stays on the server.
/// The API's own safety headers (nosniff, a sandboxing CSP, attachment for anything not shown inline) come along.
/// </summary>
public static class MediaEndpoint
{
    private static readonly string[] PassedHeaders = ["Content-Disposition", "Cache-Control", "X-Content-Type-Options", "Content-Security-Policy", "Retry-After"];

    public static void MapMedia(this IEndpointRouteBuilder app) =>
        app.MapGet("/media/{id:guid}", GetAsync).RequireAuthorization();

    private static async Task GetAsync(Guid id, HttpContext http, MediaClient client)
    {
        using var response = await client.OpenAsync(ApiPassThrough.TokenOf(http), id, http.RequestAborted);
        await ApiPassThrough.CopyAsync(http, response, PassedHeaders, r => r.Headers.XContentTypeOptions = "nosniff");
    }
}

/// <summary>The media pass-through's client: no retries (a file is streamed once), the token passed in.</summary>
public sealed class MediaClient(HttpClient http)
{
    public Task<HttpResponseMessage> OpenAsync(string token, Guid id, CancellationToken cancellationToken) =>
        ApiPassThrough.OpenAsync(http, token, $"/api/media/{id}", cancellationToken);
}
