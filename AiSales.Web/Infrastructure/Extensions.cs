using System.Globalization;
using AiSales.Web.Account;
using AiSales.Web.Api;
using AiSales.Web.Assistant;
using AiSales.Web.Catalogue;
using AiSales.Web.Channels;
using AiSales.Web.Inbox;
using AiSales.Web.Localization;
using AiSales.Web.Orders;
using AiSales.Web.People;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using MudBlazor.Services;
using Npgsql;

namespace AiSales.Web.Infrastructure;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Texts>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ViewerTime>();

        builder.AddConsoleAuthentication();
        builder.AddSharedDataProtection();
        builder.AddApiClients();
    }

    /// <summary>
    /// The auth cookie carries the API session token, encrypted with the shared key ring and never readable by
    /// scripts. Every page requires it; without it the browser is sent to sign in.
    /// </summary>
    private static void AddConsoleAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "aisales.console";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure on every HTTPS request (behind a TLS proxy: ASPNETCORE_FORWARDEDHEADERS_ENABLED, and HSTS keeps
                // browsers on HTTPS). "Always" would make sign-in silently fail over plain HTTP on a private network.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/account/sign-out";
                options.ReturnUrlParameter = "returnUrl";
                options.SlidingExpiration = false;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
    }

    /// <summary>
    /// Keys in PostgreSQL: every replica reads the same ring, and cookies survive restarts and deploys. The data source
    /// comes with the readiness checks every service's /health reports (database, schema version, Redis state).
    /// </summary>
    private static void AddSharedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.AddAiSalesData();
        builder.Services.AddDataProtection().SetApplicationName(PostgresXmlRepository.Application);
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, db) => options.XmlRepository = new PostgresXmlRepository(db));
    }

    /// <summary>Typed clients of the merchant API, over service discovery (Api__BaseUrl = http://api under the AppHost).</summary>
    private static void AddApiClients(this IHostApplicationBuilder builder)
    {
        var baseAddress = new Uri(builder.Configuration[WebSettings.ApiBaseUrl]!);
        builder.Services.AddScoped<ApiSession>();
        builder.Services.AddHttpClient<AccountClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<MerchantClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<InboxClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<OrdersClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<CatalogueClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<AssistantClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<OrderNoticesClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<PeopleClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<ChannelsClient>(http => http.BaseAddress = baseAddress);
        builder.Services.AddHttpClient<AiSales.Web.Overview.OverviewClient>(http => http.BaseAddress = baseAddress);
        // The event stream stays open: the service defaults' timeouts and retries would cut it (EXTEXP0001: the removal
        // API is marked experimental, and is the documented way to opt one client out).
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<InboxEvents>(http =>
        {
            http.BaseAddress = baseAddress;
            http.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<AssistantTrialClient>(http =>
        {
            http.BaseAddress = baseAddress;
            http.Timeout = TimeSpan.FromSeconds(45);
        }).RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<MediaClient>(http =>
        {
            http.BaseAddress = baseAddress;
            http.Timeout = TimeSpan.FromMinutes(5);
        }).RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient<OrdersExportClient>(http =>
        {
            http.BaseAddress = baseAddress;
            http.Timeout = TimeSpan.FromMinutes(10);
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }

    public static void UseConsolePipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(options =>
        {
            options.SupportedCultures = options.SupportedUICultures = [.. Texts.Cultures.Select(CultureInfo.GetCultureInfo)];
            options.SetDefaultCulture(Texts.Cultures[0]);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
    }
}
