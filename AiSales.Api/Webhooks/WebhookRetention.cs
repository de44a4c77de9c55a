using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Deletes finished webhook bodies (contract section 4 rule 11): processed ones after
/// <see cref="WebhookRetentionOptions.ProcessedDays"/>, unparsed, unrouted and failed ones after
/// <see cref="WebhookRetentionOptions.UnprocessedDays"/>. Small batches, each its own short statement on the retention
/// index with SKIP LOCKED, so it never holds long locks and several API replicas can run it at once. Events still
/// 'received' are never deleted.
/// </summary>
public sealed class WebhookRetention(
    [FromKeyedServices(WebhookDatabase.Key)] NpgsqlDataSource dataSource, IOptions<WebhookRetentionOptions> options, TimeProvider timeProvider, ILogger<WebhookRetention> logger)
    : BackgroundService
{
    private const string DeleteSql = """
        DELETE FROM webhook_events WHERE id IN (
            SELECT id FROM webhook_events
            WHERE state = ANY($1) AND received_at < now() - $2::interval
            ORDER BY state, received_at
            LIMIT $3
            FOR UPDATE SKIP LOCKED)
        """;

    private static readonly string[] Processed = ["processed"];
    private static readonly string[] Unprocessed = ["unparsed", "unrouted", "failed"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, timeProvider);
        do
        {
            try
            {
                var deleted = await DeleteOlderThanAsync(Processed, TimeSpan.FromDays(settings.ProcessedDays), stoppingToken)
                    + await DeleteOlderThanAsync(Unprocessed, TimeSpan.FromDays(settings.UnprocessedDays), stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Webhook retention deleted {Count} old events", deleted);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook retention could not run; trying again at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<long> DeleteOlderThanAsync(string[] states, TimeSpan age, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        long total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(DeleteSql);
            command.Parameters.AddWithValue(states);
            command.Parameters.AddWithValue(age);
            command.Parameters.AddWithValue(batchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }

            await Task.Delay(options.Value.BatchPause, timeProvider, cancellationToken); // let the inbox and normaliser in
        }
    }
}
