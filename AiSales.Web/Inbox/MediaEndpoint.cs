using System.Net;
using System.Net.Http.Headers;
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
        var token = http.User.FindFirst(ConsoleClaims.ApiToken)?.Value ?? "";
        using var response = await client.OpenAsync(token, id, http.RequestAborted);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            http.Response.Redirect("/account/expired");
            return;
        }

        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        http.Response.ContentLength = response.Content.Headers.ContentLength;
        foreach (var name in PassedHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                http.Response.Headers[name] = values.ToArray();
            }
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}

/// <summary>The media pass-through's client: no retries (a file is streamed once), the token passed in.</summary>
public sealed class MediaClient(HttpClient http)
{
    public async Task<HttpResponseMessage> OpenAsync(string token, Guid id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
