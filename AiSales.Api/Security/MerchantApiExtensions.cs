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
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        builder.Services.AddSingleton<RejectedKeys>();

        builder.AddPeople();
        builder.Services.AddSingleton<MerchantEventWatchers>();
        builder.Services.AddSingleton<MerchantEventDetails>();
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

        builder.AddMerchantRateLimiting();

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
        api.MapOrderTemplatesApi();
        api.MapOrdersApi();
        api.MapStatsApi();
        api.MapPeopleApi();
        api.MapEventsApi();
        return api;
    }
}
