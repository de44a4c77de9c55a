using AiSales.Tests.Infrastructure;
using AiSales.Core.Security;
using Aspire.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Tests.Agent;

/// <summary>
/// The platform through the real AppHost, with the services' Graph API pointed at a fake Graph started first
/// (Meta:GraphApiBaseUrl forwarded by the AppHost). Also offers private databases for tests that run their
/// own agent processes (kill mid-send, Redis down, the OpenAI provider) without the AppHost's agent competing.
/// </summary>
public sealed class AgentFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public AgentFakeGraph Graph { get; private set; } = null!;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public string DatabaseConnectionString { get; private set; } = "";

    public string RedisConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public IConnectionMultiplexer Redis { get; private set; } = null!;

    public SecretProtector Secrets { get; } = new(Convert.FromHexString(AppHostFixture.EncryptionKeyHex));

    public async Task InitializeAsync()
    {
        // The fakes run on this process's thread pool, shared with every collection's AppHost start-up; a pool that
        // grows slowly under that load once delayed the fake Graph past a test's wait (diagnosed by Arrivals).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        Graph = await AgentFakeGraph.StartAsync();
        using var timeout = new CancellationTokenSource(AppHostFixture.StartTimeout);
        _app = await AppHostFixtureEnvironment.StartPlatformAsync([$"--Meta:GraphApiBaseUrl={Graph.BaseUrl}"], timeout.Token);

        DatabaseConnectionString = await _app.GetConnectionStringAsync("aisalesdb", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for aisalesdb.");
        RedisConnectionString = await _app.GetConnectionStringAsync("redis", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for redis.");
        DataSource = NpgsqlDataSource.Create(DatabaseConnectionString);
        Redis = await ConnectionMultiplexer.ConnectAsync(RedisConnectionString);
    }

    /// <summary>A new database on the same server, migrated by the real migrator, that no running agent watches.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var name = $"agent_{Guid.NewGuid():N}"[..30];
        await using (var command = DataSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseConnectionString) { Database = name }.ConnectionString;
        await using var migrator = ServiceProcess.Start("AiSales.MigrationService", new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = connectionString,
            ["Sentry__Dsn"] = "",
        });
        var exitCode = await migrator.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, migrator.Output);
        return connectionString;
    }

    /// <summary>An agent process configured by environment variables only (fast timings for tests).</summary>
    public ServiceProcess StartAgent(string databaseConnectionString, string? redisConnectionString, IDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__aisalesdb"] = databaseConnectionString,
            ["ENCRYPTION_KEY_HEX"] = AppHostFixture.EncryptionKeyHex,
            ["Sentry__Dsn"] = "",
            ["Meta__GraphApiBaseUrl"] = Graph.BaseUrl,
            ["Logging__LogLevel__Default"] = "Information",
        };
        if (redisConnectionString is not null)
        {
            environment["ConnectionStrings__redis"] = redisConnectionString;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return ServiceProcess.Start("AiSales.AiAgent", environment, http: true);
    }

    public async Task DisposeAsync()
    {
        Redis?.Dispose();
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        await Graph.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AgentCollection : ICollectionFixture<AgentFixture>
{
    public const string Name = "Agent";
}
