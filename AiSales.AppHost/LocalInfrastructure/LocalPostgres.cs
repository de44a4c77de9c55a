using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AiSales.AppHost.LocalInfrastructure;

/// <summary>A PostgreSQL server run by the AppHost as a local executable (no container engine needed).</summary>
public sealed class LocalPostgresResource(string name, string command, LocalPostgresLayout layout)
    : ExecutableResource(name, command, layout.Root), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public LocalPostgresLayout Layout => layout;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ConnectionStringFor("postgres");

    internal ReferenceExpression ConnectionStringFor(string database) =>
        ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={layout.Password};Database={database}");
}

/// <summary>A database inside a <see cref="LocalPostgresResource"/>; created before the server first starts.</summary>
public sealed class LocalPostgresDatabaseResource(string name, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression => parent.ConnectionStringFor(Name);
}

/// <summary>Where a local server lives: binaries, data directory, port and its generated password.</summary>
public sealed record LocalPostgresLayout(string BinDirectory, string Root, int Port, string Password)
{
    public string DataDirectory => Path.Combine(Root, "data");

    public List<string> Databases { get; } = [];

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database={database};Pooling=false;Timeout=3";

    public static LocalPostgresLayout Create()
    {
        var root = LocalDirectories.Create("aisales-pg-");
        LocalCommand.GiveToPostgresUser(root);
        return new LocalPostgresLayout(FindBinDirectory(), root, LocalDirectories.FreeTcpPort(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>initdb and CREATE DATABASE, once; the server is started by DCP right after.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        var passwordFile = Path.Combine(Root, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
        LocalCommand.GiveToPostgresUser(passwordFile);
        await LocalCommand.RunAsync(Path.Combine(BinDirectory, "initdb"),
        [
            "-D", DataDirectory, "-U", "postgres", $"--pwfile={passwordFile}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        ], null, cancellationToken);
        File.Delete(passwordFile);

        var script = string.Concat(Databases.Select(db => $"CREATE DATABASE \"{db}\";\n"));
        await LocalCommand.RunAsync(Path.Combine(BinDirectory, "postgres"), ["--single", "-D", DataDirectory, "postgres"], script, cancellationToken);
    }

    private static string FindBinDirectory()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql")
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "postgres")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault()
            : null;

        return installed ?? throw new DistributedApplicationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql: run ./run.sh (it installs them) or apt-get install -y postgresql postgresql-contrib.");
    }
}

public static class LocalPostgresExtensions
{
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var layout = LocalPostgresLayout.Create();
        string[] settings =
        [
            "-D", layout.DataDirectory,
            "-k", layout.Root,
            "-p", layout.Port.ToString(),
            "-c", "listen_addresses=127.0.0.1",
            // Local connections through the Unix socket in Root are trusted (initdb --auth-local=trust): only the
            // server's own user (and root) may open it. The services use TCP with the password.
            "-c", "unix_socket_permissions=0700",
            // Room for the API, the agent, tests and the benchmark's 100 clients at once.
            "-c", "max_connections=400",
        ];
        if (string.Equals(builder.Configuration["Infrastructure:StatementStatistics"], "true", StringComparison.OrdinalIgnoreCase))
        {
            // Per-statement counts for the benches (pg_stat_statements, nested statements such as foreign-key checks
            // included); off by default, since it costs a little on every statement.
            settings = [.. settings, "-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all"];
        }

        var (command, args) = LocalCommand.AsPostgresUser(Path.Combine(layout.BinDirectory, "postgres"), settings);

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new LocalPostgresHealthCheck(layout), HealthStatus.Unhealthy, tags: null));
        builder.Services.AddSingleton<IHostedService>(new LocalDirectoryCleanup(layout.Root, Path.Combine(layout.DataDirectory, "postmaster.pid")));

        return builder.AddResource(new LocalPostgresResource(name, command, layout))
            .WithArgs(args)
            .WithEndpoint(LocalPostgresResource.EndpointName, endpoint =>
            {
                endpoint.Port = layout.Port;
                endpoint.TargetPort = layout.Port;
                endpoint.UriScheme = "tcp";
                endpoint.IsProxied = false;
            })
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((resource, _, cancellationToken) => resource.Layout.InitializeAsync(cancellationToken));
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddLocalDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        server.Resource.Layout.Databases.Add(name);
        var database = server.ApplicationBuilder.AddResource(new LocalPostgresDatabaseResource(name, server.Resource))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            });

        // The database exists once its server is ready (it is created before the first start).
        server.OnResourceReady((_, readyEvent, _) =>
            readyEvent.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(
                database.Resource, snapshot => snapshot with { State = KnownResourceStates.Running }));
        return database;
    }
}

internal sealed class LocalPostgresHealthCheck(LocalPostgresLayout layout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(layout.ConnectionString(layout.Databases.FirstOrDefault() ?? "postgres"));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("not accepting connections yet", ex);
        }
    }
}

/// <summary>Removes a local server's directory when the AppHost stops.</summary>
internal sealed class LocalDirectoryCleanup(string root, string pidFile) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LocalDirectories.Remove(root, pidFile);
        return Task.CompletedTask;
    }
}
