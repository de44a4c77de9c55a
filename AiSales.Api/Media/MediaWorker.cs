using Microsoft.Extensions.Options;

namespace AiSales.Api.Media;

/// <summary>
/// The background fetcher in the API process (the process that stores the messages and serves the files): Media__Workers
/// loops, each claiming one due file at a time from PostgreSQL. Nothing waits in memory: a stop or a crash leaves the
/// row pending or leased, and it is fetched again later, by this instance or another.
/// </summary>
public sealed class MediaWorker(MediaStore store, MediaFetcher fetcher, IOptions<MediaOptions> options, ILogger<MediaWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        return Task.WhenAll(Enumerable.Range(0, Math.Max(0, settings.Workers)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Long enough for a 100 MB document through its retries; a lease that runs out only means a second try.
        var lease = TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds * 6 + 30);
        var idle = TimeSpan.FromMilliseconds(Math.Max(50, settings.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await store.ClaimAsync(1, lease, stoppingToken);
                if (claimed.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    continue;
                }

                foreach (var work in claimed)
                {
                    await fetcher.FetchAsync(work, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database or the blob store is away: the claimed row's lease expires and it is tried again.
                logger.LogError(ex, "Media worker iteration failed");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
