using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

public static class AppHostFixtureEnvironment
{
    /// <summary>
    /// The AppHost polls every resource's health check; each refused connection while a resource starts or stops is
    /// logged as an error with a stack trace, hundreds of lines that bury a failing test's name in the run's log.
    /// A resource that never becomes healthy still fails the fixture's bounded wait, which names it.
    /// </summary>
    public static void QuietHealthChecks(this IDistributedApplicationTestingBuilder builder) =>
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));

    /// <summary>
    /// The AppHost points every service's OTLP exporter at the dashboard's port even when, as here, no dashboard runs.
    /// Each service then retries its exports in the background, and when it stops it waits about 15 s for them to give
    /// up: the migrator's exit held every platform's start by that much (the api and the agent wait for it), and every
    /// stop. No test reads the services' telemetry; an empty endpoint turns the exporter off (ServiceDefaults).
    /// </summary>
    public static void WithoutTelemetryExport(this IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            // Runs after the AppHost's own OTLP settings (annotations are applied in order), so this one wins.
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = ""));
        }
    }

    /// <summary>
    /// Starts each service from its build output, as `dotnet run` ends up doing (`dotnet AiSales.Api.dll` in the project's
    /// folder, the same environment), without Aspire's `dotnet run --project … --no-build` before it: that command first
    /// evaluates the project with MSBuild: about 1.3 s of processor time per service, on the start's critical path three
    /// times (the migrator, then the api and agent, then the console and simulator), and a full run starts some forty.
    /// The merchant's one command (run.sh) still starts them through `dotnet run`, and so does one collection here
    /// (Media, <paramref name="asBuilt"/> false), which keeps that way of starting tested.
    /// </summary>
    public static void WithServicesAsBuilt(this IDistributedApplicationTestingBuilder builder, bool asBuilt)
    {
        if (!asBuilt)
        {
            return;
        }

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var assembly = ServiceProcess.AssemblyPath(Path.GetFileNameWithoutExtension(projectPath));
            project.Annotations.Add(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = Path.GetDirectoryName(projectPath)! });
            project.Annotations.Add(new CommandLineArgsCallbackAnnotation(args => args.Insert(0, assembly)));
        }
    }

    /// <summary>How the tests' AppHost runs PostgreSQL and Redis (Infrastructure:Mode): AISALES_TEST_INFRASTRUCTURE, or "executables".</summary>
    public static string InfrastructureMode => Environment.GetEnvironmentVariable("AISALES_TEST_INFRASTRUCTURE") ?? "executables";

    /// <summary>
    /// The whole platform through the real AppHost (local PostgreSQL and Redis executables unless
    /// AISALES_TEST_INFRASTRUCTURE says otherwise), started and healthy: the api and the ai-agent.
    /// </summary>
    public static async Task<DistributedApplication> StartPlatformAsync(string[] extraArgs, CancellationToken cancellationToken, bool asBuilt = true)
    {
        var mode = InfrastructureMode;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AiSales_AppHost>(
                ["--environment=Development", $"--Infrastructure:Mode={mode}", .. extraArgs],
                (options, _) => options.DisableDashboard = true,
                cancellationToken);
            builder.QuietHealthChecks();
            builder.WithoutTelemetryExport();
            builder.WithServicesAsBuilt(asBuilt);
            var app = await builder.BuildAsync(cancellationToken);
            if (!await OrchestratorStartedAsync(app, attempt, cancellationToken))
            {
                continue;
            }

            var orchestrated = clock.Elapsed;
            await app.ResourceNotifications.WaitForResourceHealthyAsync("api", cancellationToken);
            var api = clock.Elapsed;
            await app.ResourceNotifications.WaitForResourceHealthyAsync("ai-agent", cancellationToken);
            // Where a collection's start-up goes, for the CI log (a full run starts about eight of these).
            Console.Error.WriteLine($"AppHostFixture: started in {clock.Elapsed.TotalSeconds:0.0} s (orchestrator {orchestrated.TotalSeconds:0.0} s, " +
                $"api healthy {api.TotalSeconds:0.0} s; attempt {attempt})");
            return app;
        }
    }

    /// <summary>
    /// The AppHost's own start (DCP taking the resources), which takes about 15 s with two AppHosts starting at once on
    /// two cores. Once in a full run one of two AppHosts started together never finished it (3 min, every test of its
    /// collection failed): a start that takes over 90 s is abandoned once and a fresh AppHost started instead.
    /// </summary>
    private static async Task<bool> OrchestratorStartedAsync(DistributedApplication app, int attempt, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await app.StartAsync(bound.Token);
            return true;
        }
        catch (OperationCanceledException) when (attempt == 1 && !cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("AppHostFixture: the AppHost did not finish starting within 90 s; starting a fresh one.");
            try
            {
                await app.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
            {
                Console.Error.WriteLine($"AppHostFixture: the abandoned AppHost did not stop cleanly ({ex.GetType().Name}).");
            }

            return false;
        }
    }

    /// <summary>Everything the API needs to run outside the AppHost against the fixture's data stores.</summary>
    public static Dictionary<string, string?> ApiEnvironment(this AppHostFixture fixture) => new()
    {
        ["ConnectionStrings__aisalesdb"] = fixture.DatabaseConnectionString,
        ["ConnectionStrings__redis"] = fixture.RedisConnectionString,
        ["Meta__AppSecret"] = AppHostFixture.MetaAppSecret,
        ["Meta__VerifyToken"] = AppHostFixture.MetaVerifyToken,
        ["Admin__ApiKey"] = AppHostFixture.AdminApiKey,
        ["ENCRYPTION_KEY_HEX"] = AppHostFixture.EncryptionKeyHex,
        ["Sentry__Dsn"] = "",
    };

    /// <summary>Everything the agent needs to run outside the AppHost against the fixture's data stores.</summary>
    public static Dictionary<string, string?> AgentEnvironment(this AppHostFixture fixture) => new()
    {
        ["ConnectionStrings__aisalesdb"] = fixture.DatabaseConnectionString,
        ["ConnectionStrings__redis"] = fixture.RedisConnectionString,
        ["ENCRYPTION_KEY_HEX"] = AppHostFixture.EncryptionKeyHex,
        ["Sentry__Dsn"] = "",
    };
}
