using System.Globalization;
using System.Threading.RateLimiting;
using AiSales.Api.AiConfig;
using AiSales.Api.Channels;
using AiSales.Api.Conversations;
using AiSales.Api.Events;
using AiSales.Api.Keys;
using AiSales.Api.Media;
using AiSales.Api.Merchants;
using AiSales.Api.Orders;
using AiSales.Api.People;
using AiSales.Api.Products;
using AiSales.Api.Security;
using AiSales.Api.Stats;
using AiSales.Api.Templates;
using AiSales.Core.Catalog;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The merchant API (contract section 6): API-key authentication, per-key rate limiting, OpenAPI, and the
/// feature route groups. Webhooks are mapped elsewhere and carry no limiter: the limiter applies only to
/// the groups that ask for the merchant policy.
/// </summary>
public static class MerchantApiExtensions
{
    public const string MerchantPolicy = "merchant";
    public const string OwnerPolicy = "merchant-owner";
    public const string SessionPolicy = "merchant-session";

    public static IHostApplicationBuilder AddMerchantApi(this IHostApplicationBuilder builder)
    {
        builder.AddSecretProtection();
        builder.AddChannelOwnership();
        builder.Services.AddScoped<ChannelConnector>();
        builder.Services.AddOptions<EncryptionSettings>()
            .BindConfiguration(EncryptionSettings.Section)
            .Validate(s => s.HasValidPreviousKeys(), "Every Encryption__PreviousKeys__N must be 64 hex characters (32 bytes).")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ProductSearch>();
        builder.Services.AddSingleton<ChannelTokenRotation>();

        builder.AddPeople();
        builder.Services.AddSingleton<MerchantEventWatchers>();
        builder.Services.AddSingleton<MerchantEventHub>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MerchantEventHub>());
        builder.Services.AddAuthentication().AddMerchantSchemes();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MerchantPolicy, policy => policy
                .AddAuthenticationSchemes(MerchantSchemes.Merchant)
                .RequireAuthenticatedUser())
            .AddPolicy(OwnerPolicy, policy => policy
                .AddAuthenticationSchemes(MerchantSchemes.Merchant)
                .RequireAssertion(context => context.User.IsOwner()))
            .AddPolicy(SessionPolicy, policy => policy
                .AddAuthenticationSchemes(MerchantSessionHandler.SchemeName)
                .RequireAuthenticatedUser());

        builder.Services.AddOptions<RateLimitingSettings>()
            .BindConfiguration(RateLimitingSettings.Section)
            .Validate(s => s.PermitLimit >= 1 && s.WindowSeconds >= 1, "RateLimiting__PermitLimit and RateLimiting__WindowSeconds must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Authentication runs before the limiter, so the partition is the verified key, not a header an
            // attacker could forge to spend another merchant's budget.
            options.AddPolicy(RateLimitingSettings.MerchantPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitingSettings>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.User.RateLimitPartitionKey(), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var settings = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitingSettings>>().Value;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : settings.WindowSeconds;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This API key is limited to {settings.PermitLimit} requests per {settings.WindowSeconds} s; retry after {retryAfter} s.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

        builder.Services.AddOpenApi(options => options.AddAiSalesSecuritySchemes());
        return builder;
    }

    /// <summary>
    /// Authentication, authorization and the rate limiter, placed explicitly after the error handling so a
    /// failure inside the key lookup (database down) still answers problem details. Left implicit,
    /// WebApplication would put authentication first, ahead of the exception handler.
    /// </summary>
    public static WebApplication UseMerchantApiSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The OpenAPI document (/openapi/v1.json) in every environment; the Scalar reference page (/scalar) in Development.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }

    public static RouteGroupBuilder MapMerchantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(MerchantPolicy)
            .RequireRateLimiting(RateLimitingSettings.MerchantPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapMerchantProfileApi();
        api.MapKeysApi();
        api.MapChannelsApi();
        api.MapAiConfigApi();
        api.MapProductsApi();
        api.MapConversationsApi();
        api.MapMediaApi();
        api.MapTemplatesApi();
        api.MapOrdersApi();
        api.MapStatsApi();
        api.MapPeopleApi();
        api.MapEventsApi();
        return api;
    }
}
