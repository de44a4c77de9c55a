using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AiSales.Tests.MerchantApi;

/// <summary>
/// The platform (through the AppHost fixture: PostgreSQL, Redis, migrator, services) plus the API hosted
/// in-process against the same database, so tests can read its endpoint data source and capture its logs
/// with the fake logger. One per collection.
/// </summary>
public sealed class MerchantApiFixture : IAsyncLifetime
{
    // The platform's agent delivers the human replies these tests queue. Its Graph API is a closed port: sends
    // fail as transient and are retried later, so no fake token ever disconnects a channel mid-test (the
    // simulator would answer 190 to tokens it does not know).
    public AppHostFixture Platform { get; } = new("--Meta:GraphApiBaseUrl=http://127.0.0.1:1");

    public MerchantApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        Api = new MerchantApiFactory(Platform);
        using var client = Api.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        (await client.GetAsync("/alive", timeout.Token)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MerchantApiCollection : ICollectionFixture<MerchantApiFixture>
{
    public const string Name = "MerchantApi";
}

/// <summary>AiSales.Api in-process, configured like the real service (settings are passed before Program reads them).</summary>
public sealed class MerchantApiFactory(AppHostFixture platform, IReadOnlyDictionary<string, string>? overrides = null, string environment = "Development")
    : WebApplicationFactory<AiSales.Api.Admin.AdminKeyFilter>
{
    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    /// <summary>The last logged errors, to explain an unexpected status in an assertion message.</summary>
    public string RecentErrors() => string.Join("\n", Logs.GetSnapshot()
        .Where(r => r.Level >= LogLevel.Error).TakeLast(3).Select(r => $"{r.Message} {r.Exception}"));

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        return client;
    }

    public HttpClient CreateMerchantClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:aisalesdb"] = platform.DatabaseConnectionString,
            ["ConnectionStrings:redis"] = platform.RedisConnectionString,
            ["Meta:AppSecret"] = AppHostFixture.MetaAppSecret,
            ["Meta:VerifyToken"] = AppHostFixture.MetaVerifyToken,
            ["Admin:ApiKey"] = AppHostFixture.AdminApiKey,
            ["ENCRYPTION_KEY_HEX"] = AppHostFixture.EncryptionKeyHex,
            ["Sentry:Dsn"] = "",
            // Channel ownership look-ups: tests register the tokens that own their accounts (ConnectChannelAsync does).
            ["Meta:GraphApiBaseUrl"] = FakeGraphOwners.Shared.BaseUrl,
            // The AppHost's own API normalises webhooks; this in-process host serves merchant routes only.
            ["Webhooks:ProcessorWorkers"] = "0",
            ["Media:Workers"] = "0",
            ["RateLimiting:PermitLimit"] = "100000",
            ["RateLimiting:WindowSeconds"] = "60",
            // Everything down to Debug is captured, so a secret logged at any level is caught.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
    }
}
