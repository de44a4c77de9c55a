using AiSales.MetaSimulator.Graph;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Customers' files as Meta serves them (contract section 5): <c>GET /{version}/{media-id}</c> with the receiving
/// account's token answers <c>{url, mime_type, sha256, file_size, id}</c> (routed from <see cref="GraphLookupApi"/>,
/// which owns that path); the url serves the bytes to the same bearer. Instagram-style links carry a signature
/// instead (<c>?sig=</c>), as a CDN link does. <c>/chat-media/{id}</c> shows the file in the chat page.
/// </summary>
public static class GraphMediaApi
{
    public static IEndpointRouteBuilder MapGraphMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media-files/{mediaId}", (string mediaId, string? sig, HttpRequest request, MediaLibrary media, AccountRegistry accounts) =>
        {
            if (media.Find(mediaId) is not { } file)
            {
                return Results.NotFound();
            }

            var bearer = request.Headers.Authorization.ToString();
            var allowed = sig is not null
                ? GraphApi.FixedTimeEquals(sig, file.Signature)
                : accounts.Find(file.AccountId) is { } account && GraphApi.FixedTimeEquals(bearer, $"Bearer {account.AccessToken}");
            return allowed ? Results.Bytes(file.Bytes, file.MimeType) : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).ExcludeFromDescription();
        app.MapGet("/chat-media/{mediaId}", (string mediaId, MediaLibrary media) =>
            media.Find(mediaId) is { } file ? Results.Bytes(file.Bytes, file.MimeType) : Results.NotFound()).ExcludeFromDescription();
        return app;
    }

    /// <summary>The look-up of a media id: only the token of the account that received it may see it.</summary>
    public static IResult LookUp(SimulatedMedia file, string? token, HttpRequest request, AccountRegistry accounts)
    {
        if (token is null || accounts.Find(file.AccountId) is not { } account || !GraphApi.FixedTimeEquals(token, account.AccessToken))
        {
            return GraphApi.GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");
        }

        return Results.Json(new
        {
            messaging_product = "whatsapp",
            url = $"{request.Scheme}://{request.Host}/media-files/{file.Id}",
            mime_type = file.MimeType,
            sha256 = file.Sha256,
            file_size = file.Bytes.LongLength,
            id = file.Id,
        });
    }

    /// <summary>A direct link, as Instagram puts in an attachment's payload.url.</summary>
    public static string CdnUrl(SimulatedMedia file, string baseUrl) => $"{baseUrl.TrimEnd('/')}/media-files/{file.Id}?sig={file.Signature}";
}
