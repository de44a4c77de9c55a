using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSales.Core.Operations;

/// <summary>Takes an <see cref="OperationsSnapshot"/> every <see cref="OperationsOptions.SampleInterval"/> for <see cref="OperationsMetrics"/>.</summary>
public sealed class OperationsSampler(
    OperationsQuery query, OperationsMetrics metrics, IOptions<OperationsOptions> options, TimeProvider time, ILogger<OperationsSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        do
        {
            try
            {
                metrics.Update(await query.ReadAsync(stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Metrics never stop the API. The gauges keep the last sample; the database's health check reports an outage.
                logger.LogWarning(ex, "Operations metrics could not be sampled; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
