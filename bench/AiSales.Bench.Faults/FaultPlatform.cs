using System.Diagnostics;
using System.Security.Cryptography;
using AiSales.Bench.Agent;
using Npgsql;

namespace AiSales.Bench.Faults;

/// <summary>
/// A whole platform for one scenario, each part its own process so that it can be killed, frozen or restarted: a
/// throw-away PostgreSQL and Redis, the migrator (run once), `api` and `ai-agent` started as contract §2 says, the fake
/// Graph API and the fake OpenAI-compatible model (in this process). Seeded with one shop whose AI is off (the flood's
/// target) and <c>shops</c> shops whose AI answers the live conversations.
/// </summary>
public sealed class FaultPlatform : IAsyncDisposable
{
    public const string AppSecret = "fault-suite-app-secret";
    public const string AdminKey = "fault-suite-admin-key";
    private readonly byte[] _encryptionKey = RandomNumberGenerator.GetBytes(32);

    private FaultPlatform(LocalPostgres postgres, LocalRedis redis, FakeGraph graph, FakeModelServer model, string logDirectory)
    {
        Postgres = postgres;
        Redis = redis;
        Graph = graph;
        Model = model;
        LogDirectory = logDirectory;
    }

    public LocalPostgres Postgres { get; }

    public LocalRedis Redis { get; }

    public FakeGraph Graph { get; }

    public FakeModelServer Model { get; }

    public ServiceProcess Api { get; private set; } = null!;

    public ServiceProcess Agent { get; private set; } = null!;

    public Uri ApiUrl { get; private set; } = null!;

    public Uri AgentUrl { get; private set; } = null!;

    public string LogDirectory { get; }

    public string Database => Postgres.ConnectionString("aisalesdb");

    public string FloodNumber { get; private set; } = "";

    public List<string> Shops { get; } = [];

    public static async Task<FaultPlatform> StartAsync(string root, string logDirectory, int shops, TimeSpan modelLatency)
    {
        Directory.CreateDirectory(logDirectory);
        var postgres = await LocalPostgres.StartAsync();
        var redis = new LocalRedis();
        await redis.StartAsync();
        var platform = new FaultPlatform(postgres, redis, await FakeGraph.StartAsync(), await FakeModelServer.StartAsync(modelLatency), logDirectory);
        await using (var admin = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE aisalesdb", admin);
            await create.ExecuteNonQueryAsync();
        }

        using (var migrator = new ServiceProcess(ServiceProcess.Dll(root, "AiSales.MigrationService"), Path.Combine(logDirectory, "migrations.log"), new Dictionary<string, string> { ["ConnectionStrings__aisalesdb"] = platform.Database }))
        {
            migrator.Start();
            await migrator.WaitAsync();
            if (migrator.ExitCode != 0)
            {
                throw new InvalidOperationException($"the migrator exited with {migrator.ExitCode} (see {logDirectory}/migrations.log)");
            }
        }

        await platform.SeedAsync(shops);
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__aisalesdb"] = platform.Database,
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["ENCRYPTION_KEY_HEX"] = Convert.ToHexString(platform._encryptionKey),
            ["Meta__GraphApiBaseUrl"] = platform.Graph.BaseUrl,
            ["Sentry__Dsn"] = "",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var apiPort = Ports.Free();
        platform.ApiUrl = new Uri($"http://127.0.0.1:{apiPort}");
        platform.Api = new ServiceProcess(ServiceProcess.Dll(root, "AiSales.Api"), Path.Combine(logDirectory, "api.log"), new Dictionary<string, string>(common)
        {
            ["Meta__AppSecret"] = AppSecret,
            ["Meta__VerifyToken"] = "fault-suite",
            ["Admin__ApiKey"] = AdminKey,
            ["ASPNETCORE_URLS"] = platform.ApiUrl.ToString().TrimEnd('/'),
            ["Media__Directory"] = Path.Combine(logDirectory, "media"),
        });
        platform.AgentUrl = new Uri($"http://127.0.0.1:{Ports.Free()}");
        platform.Agent = new ServiceProcess(ServiceProcess.Dll(root, "AiSales.AiAgent"), Path.Combine(logDirectory, "ai-agent.log"), new Dictionary<string, string>(common)
        {
            ["ASPNETCORE_URLS"] = platform.AgentUrl.ToString().TrimEnd('/'),
            ["AI__Provider"] = "openai",
            ["AI__Model"] = "fake",
            ["AI__Endpoint"] = platform.Model.Endpoint,
            ["AI__ApiKey"] = "fault-suite-model-key",
            ["Intake__DebounceMilliseconds"] = "0",
        });
        platform.Api.Start();
        platform.Agent.Start();
        await platform.WaitApiAliveAsync(TimeSpan.FromSeconds(60));
        return platform;
    }

    /// <summary>Until the api answers /alive (after a start or a restart).</summary>
    public Task WaitApiAliveAsync(TimeSpan timeout) => WaitAliveAsync(ApiUrl, "api", timeout);

    /// <summary>Until a service answers /alive; throws naming its log after <paramref name="timeout"/>.</summary>
    public async Task WaitAliveAsync(Uri url, string service, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/alive");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the {service} did not answer /alive within {timeout.TotalSeconds:0} s (see {LogDirectory}/{service}.log)");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Prints, from the background, how long after <paramref name="started"/> a restarted service answered /alive.</summary>
    public void ReportAlive(Uri url, string service, long started) => _ = Task.Run(async () =>
    {
        try
        {
            await WaitAliveAsync(url, service, TimeSpan.FromSeconds(60));
            Console.WriteLine($"  the {service} answered /alive {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s after it was started again");
        }
        catch (TimeoutException ex)
        {
            Console.WriteLine($"  {ex.Message}");
        }
    });

    private async Task SeedAsync(int shops)
    {
        await using var db = NpgsqlDataSource.Create(Database);
        FloodNumber = await SeedShopAsync(db, aiEnabled: false);
        for (var i = 0; i < shops; i++)
        {
            Shops.Add(await SeedShopAsync(db, aiEnabled: true));
        }
    }

    private Task<string> SeedShopAsync(NpgsqlDataSource db, bool aiEnabled) => BenchShops.SeedAsync(db, _encryptionKey, aiEnabled);

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        Agent?.Dispose();
        ProcessSignals.Thaw(Postgres.ServerPid);
        ProcessSignals.Thaw(Redis.Pid);
        await Graph.DisposeAsync();
        await Model.DisposeAsync();
        Redis.Dispose();
        await Postgres.DisposeAsync();
    }
}
