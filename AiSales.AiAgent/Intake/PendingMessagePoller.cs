using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.AiAgent.Intake;

/// <summary>
/// PostgreSQL is the truth: messages still pending a few seconds after they were stored (Redis down, an entry
/// trimmed or lost, a crashed turn) are found here and answered. Exclusion between instances is the turn's
/// advisory lock, so this query only needs to be cheap (partial index ix_messages_reply_pending).
/// </summary>
public sealed class PendingMessagePoller(
    NpgsqlDataSource dataSource, ConversationScheduler scheduler, IOptions<IntakeOptions> options, ILogger<PendingMessagePoller> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var command = dataSource.CreateCommand("""
                    SELECT conversation_id
                    FROM messages
                    WHERE reply_state = 'pending' AND created_at < now() - make_interval(secs => $1)
                    GROUP BY conversation_id
                    ORDER BY min(id)
                    LIMIT 200
                    """);
                command.Parameters.AddWithValue((double)settings.PollAgeSeconds);
                await using var reader = await command.ExecuteReaderAsync(stoppingToken);
                while (await reader.ReadAsync(stoppingToken))
                {
                    scheduler.Notify(reader.GetGuid(0), debounce: false, onDone: null, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling for pending messages failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
