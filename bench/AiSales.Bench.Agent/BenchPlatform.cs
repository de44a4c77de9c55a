using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AiSales.Bench.Agent;

/// <summary>
/// The real AppHost through Aspire.Hosting.Testing (local PostgreSQL and Redis executables, migrator, api, ai-agent;
/// Development, no dashboard) pointed at the fake Graph API and, in model mode, at the fake model; plus the shops.
/// </summary>
public sealed class BenchPlatform(DistributedApplication app, string connectionString) : IAsyncDisposable
{
    private const string EncryptionKeyHex = "6c6f63616c2d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e";

    /// <summary>The AppHost's Development value of the meta-app-secret parameter (AiSales.AppHost/appsettings.Development.json).</summary>
    public const string MetaAppSecret = "local-dev-meta-app-secret";

    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(connectionString);

    public DistributedApplication App => app;

    /// <summary>The aisalesdb connection string (with its password, for the samplers' own connection).</summary>
    public string ConnectionString => connectionString;

    public static async Task<BenchPlatform> StartAsync(BenchOptions options, string graphUrl, string? modelEndpoint)
    {
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        List<string> args =
        [
            "--environment=Development", "--Infrastructure:Mode=executables", $"--Meta:GraphApiBaseUrl={graphUrl}",
            // Latency of the pipeline itself: the burst debounce (default 400 ms) would add exactly its value.
            $"--Intake:DebounceMilliseconds={options.DebounceMs}",
        ];
        if (options.Statements)
        {
            args.Add("--Infrastructure:StatementStatistics=true");
        }

        if (options.Replicas > 1)
        {
            args.AddRange([$"--Replicas:Api={options.Replicas}", $"--Replicas:AiAgent={options.Replicas}"]);
        }

        if (modelEndpoint is not null)
        {
            // Forwarded to ai-agent as AI__* by the AppHost (WithSettingWhenSet; the key through WithSecretSettingWhenSet).
            args.AddRange(["--AI:Provider=openai", "--AI:Model=fake", $"--AI:Endpoint={modelEndpoint}", "--AI:ApiKey=bench-key"]);
        }

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiSales_AppHost>(
            [.. args], (o, _) => o.DisableDashboard = true, startTimeout.Token);
        // The services' own Information lines would otherwise be re-logged by this process for every DM.
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("AiSales.AppHost.Resources", LogLevel.Warning));
        var agent = builder.CreateResourceBuilder<ProjectResource>("ai-agent");
        var api = builder.CreateResourceBuilder<ProjectResource>("api");
        foreach (var (key, value) in options.ServiceEnvironment ?? [])
        {
            agent.WithEnvironment(key, value);
            api.WithEnvironment(key, value);
        }

        foreach (var (key, value) in options.AgentEnvironment)
        {
            agent.WithEnvironment(key, value);
        }

        var app = await builder.BuildAsync(startTimeout.Token);
        await app.StartAsync(startTimeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", startTimeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("ai-agent", startTimeout.Token);
        var connectionString = (await app.GetConnectionStringAsync("aisalesdb", startTimeout.Token))!;
        return new BenchPlatform(app, connectionString);
    }

    /// <summary>A merchant with its own WhatsApp number and one product, "Blue Kaftan"; returns the number.</summary>
    public Task<string> SeedShopAsync() => BenchShops.SeedAsync(_db, Convert.FromHexString(EncryptionKeyHex));

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
