using System.Net.Http.Headers;
using System.Text.Json;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AiSales.Api.Channels;

/// <summary>What Meta said about a token and an account: owned, refused (with Meta's reason), or no answer.</summary>
public sealed record OwnershipCheck(bool Owned, bool Unreachable, string? Reason)
{
    public static readonly OwnershipCheck Verified = new(true, false, null);

    public static OwnershipCheck Refused(string reason) => new(false, false, reason);

    public static OwnershipCheck NoAnswer(string reason) => new(false, true, reason);
}

/// <summary>
/// Asks the Graph API whether a token owns the account a merchant wants to connect (contract section 6):
/// WhatsApp reads the phone number object, Instagram reads <c>/me</c>; the id Meta returns must be the one given.
/// </summary>
public sealed class ChannelOwnership(HttpClient http, IOptions<GraphOptions> options, ILogger<ChannelOwnership> logger)
{
    public async Task<OwnershipCheck> VerifyAsync(string platform, string accountId, string accessToken, CancellationToken cancellationToken)
    {
        var version = options.Value.GraphApiVersion.Trim('/');
        var path = platform == Platforms.WhatsApp
            ? $"{version}/{Uri.EscapeDataString(accountId)}?fields=id,display_phone_number,verified_name"
            : $"{version}/me?fields=id,user_id,username";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                return OwnershipCheck.NoAnswer($"The Graph API answered HTTP {(int)response.StatusCode}; try again shortly.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = RefusalOf(body, (int)response.StatusCode).Replace(accessToken, "[token]", StringComparison.Ordinal);
                return OwnershipCheck.Refused(reason);
            }

            return OwnsAccount(body, platform, accountId)
                ? OwnershipCheck.Verified
                : OwnershipCheck.Refused($"The token does not own this {platform} account id.");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Channel ownership check could not reach the Graph API ({Error})", ex.GetType().Name);
            return OwnershipCheck.NoAnswer("The Graph API did not answer; try again shortly.");
        }
    }

    private static bool OwnsAccount(string body, string platform, string accountId)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object && (platform == Platforms.WhatsApp
                ? IdIs(root, "id", accountId)
                : IdIs(root, "user_id", accountId) || IdIs(root, "id", accountId));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IdIs(JsonElement root, string property, string accountId) =>
        root.TryGetProperty(property, out var id) && (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText()) == accountId;

    /// <summary>Meta's own words (message and code); the caller blanks the token should Meta ever echo it.</summary>
    private static string RefusalOf(string body, int status)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object)
            {
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetRawText() : null;
                return $"Meta rejected the token: {Truncate(message ?? "no message")}{(code is null ? "" : $" (code {code})")}.";
            }
        }
        catch (JsonException)
        {
        }

        return $"Meta rejected the token (HTTP {status}).";
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
