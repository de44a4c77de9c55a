using Aspire.Hosting;
using Npgsql;

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// The whole platform, started once per test collection through the real AppHost: local PostgreSQL and
/// Redis executables, the migrator, the API and the agent. Every wait is bounded.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    // AISALES_TEST_START_TIMEOUT (seconds) lengthens it on a machine shared with benchmarks, where PostgreSQL alone
    // was seen to take two minutes to start. It covers a second try of the AppHost's start (StartPlatformAsync).
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("AISALES_TEST_START_TIMEOUT"), out var seconds) && seconds > 0 ? seconds : 300);

    // Development values from AiSales.AppHost/appsettings.Development.json: the services receive these.
    public const string AdminApiKey = "local-dev-admin-key";
    public const string MetaAppSecret = "local-dev-meta-app-secret";
    public const string MetaVerifyToken = "local-dev-verify-token";
    public const string EncryptionKeyHex = "6c6f63616c2d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e";

    private readonly string[] _extraArgs;
    private DistributedApplication? _app;

    public AppHostFixture()
        : this([])
    {
    }

    /// <summary>With extra AppHost settings (e.g. "--Meta:GraphApiBaseUrl=…"). Internal: xunit sees one public constructor.</summary>
    internal AppHostFixture(params string[] extraArgs) => _extraArgs = extraArgs;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public string DatabaseConnectionString { get; private set; } = "";

    public string RedisConnectionString { get; private set; } = "";

    public TimeSpan StartupDuration { get; private set; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var started = System.Diagnostics.Stopwatch.StartNew();
        _app = await AppHostFixtureEnvironment.StartPlatformAsync(_extraArgs, timeout.Token);
        StartupDuration = started.Elapsed;

        DatabaseConnectionString = await _app.GetConnectionStringAsync("aisalesdb", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for aisalesdb.");
        RedisConnectionString = await _app.GetConnectionStringAsync("redis", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for redis.");
    }

    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource);

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(DatabaseConnectionString);

    /// <summary>A connection string for another, empty database on the same server.</summary>
    public async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\"");
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(DatabaseConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _app.StopAsync(timeout.Token);
            var stopped = clock.Elapsed;
            await _app.DisposeAsync();
            Console.Error.WriteLine($"AppHostFixture: stopped in {stopped.TotalSeconds:0.0} s, disposed in {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
