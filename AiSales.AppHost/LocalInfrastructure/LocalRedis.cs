using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AiSales.AppHost.LocalInfrastructure;

/// <summary>A Redis server run by the AppHost as a local executable; nothing persisted (it is a cache and a queue accelerator).</summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public int Port => port;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}

public static class LocalRedisExtensions
{
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var redisServer = FindRedisServer();
        var root = LocalDirectories.Create("aisales-redis-");
        var port = LocalDirectories.FreeTcpPort();

        var healthCheckKey = $"{name}-answers-ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingHealthCheck(port), HealthStatus.Unhealthy, tags: null));
        builder.Services.AddSingleton<IHostedService>(new LocalDirectoryCleanup(root, Path.Combine(root, "redis.pid")));

        return builder.AddResource(new LocalRedisResource(name, redisServer, root, port))
            .WithArgs("--port", port.ToString(), "--bind", "127.0.0.1", "--dir", root, "--pidfile", Path.Combine(root, "redis.pid"),
                "--save", "", "--appendonly", "no", "--protected-mode", "no")
            .WithEndpoint(LocalRedisResource.EndpointName, endpoint =>
            {
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.UriScheme = "tcp";
                endpoint.IsProxied = false;
            })
            .WithHealthCheck(healthCheckKey);
    }

    private static string FindRedisServer()
    {
        var candidate = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return candidate ?? throw new DistributedApplicationException(
            "redis-server not found: run ./run.sh (it installs it) or apt-get install -y redis-server.");
    }
}

internal sealed class RedisPingHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            await using var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("unexpected answer to PING");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("not answering PING", ex);
        }
    }
}
