using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace AiSales.Core.Data;

/// <summary>
/// Creates the Redis multiplexer in the background as the service starts. Aspire's client connects synchronously on
/// first use, and with Redis down (AbortOnConnectFail=false) that takes about four seconds: without this, the first
/// request to need it — a readiness probe — would wait that long. The health check reads <see cref="Current"/>
/// instead, so it never waits.
/// </summary>
public sealed class RedisConnection(IServiceProvider services) : IHostedService
{
    private readonly Lazy<Task<IConnectionMultiplexer?>> _connecting =
        new(() => Task.Run(() => services.GetService<IConnectionMultiplexer>()));

    /// <summary>The multiplexer once created (connected or still reconnecting); null while it is being created.</summary>
    public IConnectionMultiplexer? Current => _connecting.Value is { IsCompletedSuccessfully: true } done ? done.Result : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _connecting.Value;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
