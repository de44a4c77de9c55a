using System.Security.Claims;

namespace AiSales.Api.Security;

/// <summary>
/// Limits of the merchant API: RateLimiting__PermitLimit requests per RateLimiting__WindowSeconds per key, and
/// RateLimiting__PersonPermitLimit per signed-in person (the console reads a page's data twice, prerendered then live,
/// and again on every reconnection: one person browsing conversations reads far more than a key's integration), and per
/// merchant at most RateLimiting__ConcurrentRequests in progress at once, with up to RateLimiting__QueuedRequests more
/// waiting their turn (beyond that: 429). Webhooks are never limited.
/// </summary>
public sealed class RateLimitingSettings
{
    public const string Section = "RateLimiting";
    public const string MerchantPolicy = "merchant-key";

    public int PermitLimit { get; set; } = 120;

    public int PersonPermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    public int ConcurrentRequests { get; set; } = 16;

    public int QueuedRequests { get; set; } = 64;

    public bool IsValid => PermitLimit >= 1 && PersonPermitLimit >= 1 && WindowSeconds >= 1 && ConcurrentRequests >= 1 && QueuedRequests >= 0;

    /// <summary>The window's size for this caller: a key's, or a signed-in person's.</summary>
    public int PermitLimitFor(ClaimsPrincipal user) => user.IsPerson() ? PersonPermitLimit : PermitLimit;
}
