using AiSales.Core.Trials;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.AiAgent.Trials;

/// <summary>
/// Answers the console's "try it" questions. Woken by NOTIFY on <see cref="AssistantTrials.WakeChannel"/> (and by a poll,
/// so a notice lost while reconnecting only delays), it runs up to MaxConcurrent trials at once, each claimed with SKIP
/// LOCKED so that several agent replicas share the work and never answer one twice. It also deletes old trials.
/// </summary>
public sealed class TrialWorker(
    NpgsqlDataSource dataSource, TrialStore store, TrialDryRun dryRun, IOptions<TrialOptions> options, TimeProvider time,
    ILogger<TrialWorker> logger) : BackgroundService
{
    private SemaphoreSlim? _slots;
    private DateTimeOffset _nextRetention = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        _slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrent));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {AssistantTrials.WakeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    StartDrainers(stoppingToken);
                    await RunRetentionIfDueAsync(settings, stoppingToken);
                    await connection.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, settings.PollSeconds)), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The assistant trial listener failed; listening again shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One drainer per free slot; each answers trials until none waits, then gives its slot back.</summary>
    private void StartDrainers(CancellationToken stoppingToken)
    {
        while (_slots!.Wait(0))
        {
            _ = DrainAsync(stoppingToken);
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await store.ClaimAsync(stoppingToken) is { } trial)
            {
                await AnswerAsync(trial, stoppingToken);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Claiming an assistant trial failed");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _slots!.Release();
        }
    }

    private async Task AnswerAsync(TrialRequest trial, CancellationToken stoppingToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(AssistantTrials.AnswerDeadline);
        try
        {
            if (await store.MerchantAsync(trial.MerchantId, deadline.Token) is not { } merchant)
            {
                await store.FailedAsync(trial.Id, "the shop no longer exists", stoppingToken);
                return;
            }

            var answer = await dryRun.AnswerAsync(trial, merchant, deadline.Token);
            await store.AnsweredAsync(trial.Id, answer, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Assistant trial {TrialId} of merchant {MerchantId} failed", trial.Id, trial.MerchantId);
            await store.FailedAsync(trial.Id, TrialFailure.Describe(ex), stoppingToken);
        }
    }

    private async Task RunRetentionIfDueAsync(TrialOptions settings, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextRetention)
        {
            return;
        }

        _nextRetention = now.AddMinutes(Math.Max(1, settings.RetentionIntervalMinutes));
        var deleted = await store.DeleteOlderThanAsync(Math.Max(1, settings.RetentionHours), stoppingToken);
        if (deleted > 0)
        {
            logger.LogInformation("Assistant trial retention deleted {Count} old trials", deleted);
        }
    }
}
