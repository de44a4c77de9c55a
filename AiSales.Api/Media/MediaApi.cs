using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace AiSales.Api.Media;

/// <summary>
/// <c>GET /api/media/{id}</c> (contract section 6): the bytes of one of the merchant's customers' files, with the
/// content type sniffed when it was fetched. Another merchant's id answers 404 like a missing one; a file not
/// fetched yet answers 409 with Retry-After; a refused or failed one 410 saying why (docs/media.md).
/// </summary>
public static class MediaApi
{
    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder api)
    {
        api.MapGet("/media/{id:guid}", GetAsync)
            .WithTags("Media")
            .WithSummary("A customer's file (image, audio, video, document, sticker), the merchant's own only; 409 while it is still being fetched, 410 when it was refused.");
        return api;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, MediaStore store, IBlobStore blobs, HttpContext context, CancellationToken cancellationToken)
    {
        var media = await store.FindAsync(id, user.MerchantId(), cancellationToken);
        if (media is null)
        {
            return MerchantApiProblems.NotFound("media", id);
        }

        switch (media.State)
        {
            case "pending" or "fetching":
                context.Response.Headers.RetryAfter = "2";
                return MerchantApiProblems.Conflict("The file is still being fetched from Meta; try again shortly.");
            case "refused" or "failed":
                return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: media.State == "refused" ? "Refused" : "Not fetched",
                    detail: media.Error ?? "The file could not be fetched.");
        }

        var content = media.BlobKey is null ? null : await blobs.OpenReadAsync(media.BlobKey, cancellationToken);
        if (content is null)
        {
            return MerchantApiProblems.NotFound("media", id);
        }

        // Never rendered as something else (nosniff), never run as a page (sandbox), only ours to name.
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        headers[HeaderNames.CacheControl] = "private, max-age=3600";
        var inline = media.Type is "image" or "sticker" or "audio" or "video";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName($"{media.Type}-{media.Id:N}{MediaFileNames.Extension(media.MimeType)}");
        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return TypedResults.Stream(content, media.MimeType ?? "application/octet-stream");
    }
}
