using System.Security.Claims;
using AiSales.Api.People;

namespace AiSales.Api.Security;

/// <summary>
/// The authenticated merchant, as an authentication handler put it in the principal: an API key, or a console user
/// (with their user id and role). It is the only source of the merchant id.
/// </summary>
public static class MerchantPrincipal
{
    public const string MerchantIdClaim = "aisales:merchant_id";
    public const string KeyIdClaim = "aisales:key_id";
    public const string UserIdClaim = "aisales:user_id";
    public const string SessionIdClaim = "aisales:session_id";
    public const string RoleClaim = "aisales:role";

    public static Guid MerchantId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(MerchantIdClaim) ?? throw new InvalidOperationException("The request is not authenticated as a merchant."));

    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyIdClaim);

    public static Guid? UserId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(UserIdClaim), out var id) ? id : null;

    public static Guid? SessionId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SessionIdClaim), out var id) ? id : null;

    /// <summary>An API key speaks for the whole merchant; a console user only as far as their role goes.</summary>
    public static bool IsOwner(this ClaimsPrincipal user) => user.KeyId() is not null || user.FindFirstValue(RoleClaim) == Roles.Owner;

    /// <summary>A signed-in console user, not an API key.</summary>
    public static bool IsPerson(this ClaimsPrincipal user) => user.KeyId() is null && user.UserId() is not null;

    /// <summary>Whose budget a request spends: the verified key, or the signed-in user.</summary>
    public static string RateLimitPartitionKey(this ClaimsPrincipal user) =>
        user.KeyId() ?? (user.UserId() is { } userId ? $"user:{userId:N}" : "anonymous");
}
