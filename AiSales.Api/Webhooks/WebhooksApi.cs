using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using AiSales.Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Meta webhooks (contract section 4): the handshake, and POSTs that are verified over the raw bytes and
/// committed to the durable inbox before the 200. Normalisation happens after the response, in
/// <see cref="WebhookProcessor"/>, so the response time never depends on parsing, routing or the agent.
/// Not rate-limited: Meta's traffic is never refused for volume.
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet("/whatsapp", (HttpRequest request, IOptions<WebhookOptions> options) => Handshake(request, options.Value));
        group.MapGet("/instagram", (HttpRequest request, IOptions<WebhookOptions> options) => Handshake(request, options.Value));
        group.MapPost("/whatsapp", (HttpContext context, WebhookInbox inbox, IOptions<WebhookOptions> options) =>
            ReceiveAsync(WebhookPlatform.WhatsApp, context, inbox, options.Value));
        group.MapPost("/instagram", (HttpContext context, WebhookInbox inbox, IOptions<WebhookOptions> options) =>
            ReceiveAsync(WebhookPlatform.Instagram, context, inbox, options.Value));
        return group;
    }

    private static Results<ContentHttpResult, StatusCodeHttpResult> Handshake(HttpRequest request, WebhookOptions options)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode == "subscribe" && TokensMatch(token, options.VerifyToken))
        {
            return TypedResults.Text(challenge, "text/plain", Encoding.UTF8);
        }

        return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(
        string platform, HttpContext context, WebhookInbox inbox, WebhookOptions options)
    {
        var request = context.Request;
        if (request.ContentLength > WebhookOptions.MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBodyAsync(request, WebhookOptions.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }

        var header = request.Headers[WebhookSignature.HeaderName].ToString();
        if (!WebhookSignature.IsValid(body, header, Encoding.UTF8.GetBytes(options.AppSecret)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Invalid signature",
                detail: $"{WebhookSignature.HeaderName} is missing or does not match the body.");
        }

        try
        {
            await inbox.AppendAsync(platform, body, context.RequestAborted);
        }
        catch (InboxUnavailableException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Temporarily unavailable",
                detail: "The event could not be stored; retry later.");
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large",
        detail: $"Webhook bodies are limited to {WebhookOptions.MaxBodyBytes} bytes.");

    /// <summary>The raw bytes, or null as soon as they exceed <paramref name="limit"/> (nothing more is read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        // Meta sends a Content-Length (checked against the limit before this): the body is read straight into an array
        // of that size, the one allocation per webhook. Kestrel ends the body at that length and throws on a short one.
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        // A chunked body: read through a pooled chunk, stopping as soon as it passes the limit.
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static bool TokensMatch(string presented, string expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
