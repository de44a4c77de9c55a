using System.Security.Claims;

namespace AiSales.Api.Security;

/// <summary>The authenticated merchant, as the API key handler put it in the principal. It is the only source of the merchant id.</summary>
public static class MerchantPrincipal
{
    public const string MerchantIdClaim = "aisales:merchant_id";
    public const string KeyIdClaim = "aisales:key_id";

    public static Guid MerchantId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(MerchantIdClaim) ?? throw new InvalidOperationException("The request is not authenticated as a merchant."));

    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyIdClaim);
}
