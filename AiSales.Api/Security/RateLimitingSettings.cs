namespace AiSales.Api.Security;

/// <summary>Per-key limits of the merchant API (RateLimiting__PermitLimit requests per RateLimiting__WindowSeconds).</summary>
public sealed class RateLimitingSettings
{
    public const string Section = "RateLimiting";
    public const string MerchantPolicy = "merchant-key";

    public int PermitLimit { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;
}
