using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using AiSales.Api.AiConfig;
using AiSales.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The merchant API's two limits (contract section 6: no amount of merchant traffic may slow webhooks). A fixed window
/// per key is the endpoint policy; a concurrency limit per merchant is the global limiter, so one merchant's burst
/// (however many keys or people it spreads over) waits in its own queue instead of taking every worker and pooled
/// connection. Both partition on the authenticated identity, never on a header; requests without a merchant
/// (webhooks, health, sign-in) and long-lived event streams are not limited by concurrency.
/// </summary>
public static class MerchantRateLimiting
{
    public static IHostApplicationBuilder AddMerchantRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingSettings>()
            .BindConfiguration(RateLimitingSettings.Section)
            .Validate(s => s.IsValid,
                "RateLimiting__PermitLimit, RateLimiting__PersonPermitLimit, RateLimiting__WindowSeconds and RateLimiting__ConcurrentRequests must be at least 1, RateLimiting__QueuedRequests at least 0.")
            .ValidateOnStart();
        builder.Services.AddOptions<AssistantTrialSettings>()
            .BindConfiguration(AssistantTrialSettings.Section)
            .Validate(s => s.PermitLimit >= 1 && s.WindowSeconds >= 1 && s.WaitSeconds is >= 1 and <= 120,
                "AssistantTrials__PermitLimit and __WindowSeconds must be at least 1, __WaitSeconds 1 to 120.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitingSettings.MerchantPolicy, context =>
            {
                var settings = Settings(context);
                return RateLimitPartition.GetFixedWindowLimiter(context.User.RateLimitPartitionKey(), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimitFor(context.User),
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            // The "try it" box runs the model: its own, smaller budget per merchant (all its keys and people together).
            options.AddPolicy(AssistantTrialSettings.Policy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<AssistantTrialSettings>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter($"trial:{MerchantOf(context)?.ToString() ?? "anonymous"}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, Guid>(context =>
            {
                if (MerchantOf(context) is not { } merchantId || context.GetEndpoint()?.Metadata.GetMetadata<LongLivedRequest>() is not null)
                {
                    return RateLimitPartition.GetNoLimiter(Guid.Empty);
                }

                var settings = Settings(context);
                return RateLimitPartition.GetConcurrencyLimiter(merchantId, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = settings.ConcurrentRequests,
                    QueueLimit = settings.QueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>Marks an endpoint whose requests stay open (an event stream): it must not hold a concurrency permit.</summary>
    public static TBuilder AsLongLived<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new LongLivedRequest());

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var settings = Settings(rejected.HttpContext);
        // Only a fixed window knows when a permit comes back; a full concurrency queue frees up within moments.
        var window = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait);
        var retryAfter = window ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var trial = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == AssistantTrialSettings.Policy;
        var trials = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<AssistantTrialSettings>>().Value;
        var detail = (window, trial) switch
        {
            (false, _) => $"This merchant already has {settings.ConcurrentRequests} requests in progress and {settings.QueuedRequests} waiting; retry after {retryAfter} s.",
            (true, true) => $"This shop may try the assistant {trials.PermitLimit} requests per {trials.WindowSeconds} s; retry after {retryAfter} s.",
            (true, false) => $"{(rejected.HttpContext.User.IsPerson() ? "A signed-in person" : "This API key")} is limited to {settings.PermitLimitFor(rejected.HttpContext.User)} requests per {settings.WindowSeconds} s; retry after {retryAfter} s.",
        };
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: detail)
            .ExecuteAsync(rejected.HttpContext);
    }

    private static Guid? MerchantOf(HttpContext context) =>
        context.User.FindFirstValue(MerchantPrincipal.MerchantIdClaim) is { } id && Guid.TryParse(id, out var merchantId) ? merchantId : null;

    private static RateLimitingSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitingSettings>>().Value;

    private sealed class LongLivedRequest;
}
