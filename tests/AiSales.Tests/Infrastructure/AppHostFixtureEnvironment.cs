using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Infrastructure;

/// <summary>How the tests start the platform through the real AppHost, and the settings a service needs outside it.</summary>
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
