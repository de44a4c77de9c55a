using AiSales.AiAgent.Delivery;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.AiAgent.Fleet;

/// <summary>
/// Keeps this process's row in <c>agent_instances</c> fresh (every <c>Delivery__InstanceHeartbeatSeconds</c>) and
/// counts the processes seen within three beats: <see cref="Size"/>. PostgreSQL unreachable → the last count stands;
/// on a clean stop the row is removed, so the others take the whole share within a beat. Rows silent for an hour
/// (a killed process) are deleted. Each beat also makes sure this process holds its <see cref="InstanceLock"/>, by
/// which the others see at once that it has died.
/// </summary>
public sealed class FleetMembership(NpgsqlDataSource dataSource, IOptions<DeliveryOptions> options, ILogger<FleetMembership> logger) : BackgroundService
{
    private readonly InstanceLock _lock = new(dataSource);
    private volatile int _size = 1;

    /// <summary>This process's id in the fleet, also the owner of the deliveries it leases.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>The running agent processes, this one included (at least 1).</summary>
    public int Size => _size;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var beat = TimeSpan.FromSeconds(Math.Max(1, options.Value.InstanceHeartbeatSeconds));
        using var timer = new PeriodicTimer(beat);
        do
        {
            try
            {
                await BeatAsync(beat, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Fleet heartbeat failed ({Error}); keeping the fleet size at {Size}", ex.GetType().Name, _size);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var command = dataSource.CreateCommand("DELETE FROM agent_instances WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = InstanceId });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogDebug("Fleet row not removed at stop ({Error}); it ages out", ex.GetType().Name);
        }

        await _lock.DisposeAsync();
    }

    private async Task BeatAsync(TimeSpan beat, CancellationToken cancellationToken)
    {
        await _lock.EnsureHeldAsync(InstanceId, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            WITH me AS (
                INSERT INTO agent_instances (id) VALUES ($1)
                ON CONFLICT (id) DO UPDATE SET seen_at = now()
            ), gone AS (
                DELETE FROM agent_instances WHERE seen_at < now() - interval '1 hour'
            )
            SELECT count(*) + 1 FROM agent_instances WHERE id <> $1 AND seen_at > now() - make_interval(secs => $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = InstanceId });
        command.Parameters.Add(new NpgsqlParameter { Value = beat.TotalSeconds * 3 });
        var size = (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (size != _size)
        {
            logger.LogInformation("Agent fleet: {Size} process(es); each sends its share of the per-number limit", size);
            _size = size;
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
