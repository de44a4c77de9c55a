using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.AiAgent.Intake;

/// <summary>
/// PostgreSQL is the truth: messages still pending a few seconds after they were stored (Redis down, an entry
/// trimmed or lost, a crashed turn) are found here and answered. Conversations that another process's live turn holds
/// (a lease that is not free: <see cref="Agent.Turns.TurnStore.LeaseFree"/>) or that pause after a failed try are left
/// out, so however many of them there are, they never crowd out a new customer. A lease of this process's own is
/// included: a turn whose release failed (PostgreSQL restarting) left it behind, and the scheduler ignores a notice
/// for a conversation it is answering, so a live turn of ours is not run twice. Exclusion between instances is the
/// turn's lease (partial index ix_messages_reply_pending).
/// </summary>
public sealed class PendingMessagePoller(
    NpgsqlDataSource dataSource, ConversationScheduler scheduler, Agent.Turns.TurnStore store, IOptions<IntakeOptions> options,
    ILogger<PendingMessagePoller> logger)
    : BackgroundService
{
    private static readonly string PendingSql = $"""
        SELECT m.conversation_id
        FROM messages m
        JOIN conversations c ON c.id = m.conversation_id
        WHERE m.reply_state = 'pending' AND m.created_at < now() - make_interval(secs => $1)
          AND ({Agent.Turns.TurnStore.LeaseFree("c")} OR c.turn_owner = $2)
          AND (c.turn_retry_at IS NULL OR c.turn_retry_at <= now())
        GROUP BY m.conversation_id
        ORDER BY min(m.id)
        LIMIT 200
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var command = dataSource.CreateCommand(PendingSql);
                command.Parameters.AddWithValue((double)settings.PollAgeSeconds);
                command.Parameters.AddWithValue(store.Owner);
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
