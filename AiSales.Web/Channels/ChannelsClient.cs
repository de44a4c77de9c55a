using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Channels;

public sealed record Channel(
    string Platform, bool Connected, string Status, string AccountId, string TokenLast4, string? StatusReason, DateTimeOffset StatusChangedAt,
    string? WabaId = null, string? CatalogId = null);

public sealed record ApiKey(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreatedApiKey(Guid Id, string Name, string ApiKey, DateTimeOffset CreatedAt);

/// <summary>
/// The shop's channels (WhatsApp, Instagram) and API keys. Everyone may list them; the API lets only owners connect a
/// channel or create and revoke a key, and verifies a channel's ownership with Meta before storing its token.
/// </summary>
public sealed class ChannelsClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<List<Channel>>> ListChannelsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<Channel>>("/api/merchant/channels", cancellationToken);

    /// <summary>
    /// WhatsApp takes <c>phoneNumberId</c> (and optionally <c>wabaId</c>, <c>catalogId</c>), Instagram <c>accountId</c>:
    /// the API's own field names, so its problems land on the right field.
    /// </summary>
    public Task<ApiResult<Channel>> ConnectAsync(
        string platform, string? accountId, string? accessToken, string? wabaId = null, string? catalogId = null, CancellationToken cancellationToken = default) =>
        SendAsync<Channel>(HttpMethod.Put, $"/api/merchant/channels/{platform}", platform == "whatsapp"
            ? new { phoneNumberId = accountId, accessToken, wabaId, catalogId }
            : new { accountId, accessToken }, cancellationToken);

    public Task<ApiResult<List<ApiKey>>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<ApiKey>>("/api/merchant/keys", cancellationToken);

    public Task<ApiResult<CreatedApiKey>> CreateKeyAsync(string? name, CancellationToken cancellationToken = default) =>
        SendAsync<CreatedApiKey>(HttpMethod.Post, "/api/merchant/keys", new { name }, cancellationToken);

    public Task<ApiResult<bool>> RevokeKeyAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Delete, $"/api/merchant/keys/{id}", null, cancellationToken);

    public static string AccountField(string platform) => platform == "whatsapp" ? "phoneNumberId" : "accountId";
}
