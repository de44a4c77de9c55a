using Npgsql;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// Sends whose outcome nobody knows (contract §5: never resent). A delivery stays 'sending' until Meta's status
/// webhook (our delivery id in biz_opaque_callback_data) or an Instagram echo proves it (ingestion marks it sent), or
/// until the grace period after its lease ends passes without evidence, when it is given up here.
/// </summary>
public sealed class UnknownOutcomes(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The sender heard nothing back (a timeout, a cut connection): its lease ends now, so the grace for evidence starts
    /// at once instead of after the lease a dead worker would have left.
    /// </summary>
    public async Task EndLeaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE outbound_deliveries SET lease_expires_at = now(), updated_at = now() WHERE id = $1 AND state = 'sending'");
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A lease that ended (its sender heard nothing, or died or hung mid-send) without evidence within the grace period:
    /// given up rather than resent, at most once. Marked outcome_unknown, so that a status webhook or echo arriving later
    /// still repairs it (WebhookStatusSql); an AI reply's conversation goes to a person (<see cref="UndeliveredReply"/>).
    /// Returns the deliveries given up.
    /// </summary>
    public async Task<int> AbandonAsync(int graceSeconds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH abandoned AS (
                UPDATE outbound_deliveries
                SET state = 'failed', outcome_unknown = true,
                    error_message = 'Outcome unknown: no answer from the Graph API, or the sender stopped mid-send, and no status webhook or echo confirmed it; not resent to avoid a duplicate',
                    lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
                WHERE state = 'sending' AND lease_expires_at < now() - make_interval(secs => $1)
                RETURNING message_id),
            marked AS (
                UPDATE messages m
                SET delivery_status = 'failed', delivery_status_at = now(), error_title = 'Outcome unknown; not resent'
                FROM abandoned a
                WHERE m.id = a.message_id AND (m.delivery_status IS NULL OR m.delivery_status = 'pending')),
            {UndeliveredReply.HandoffCtes("abandoned", "$2")}
            SELECT count(*)::int FROM abandoned
            """);
        command.Parameters.AddWithValue((double)graceSeconds);
        command.Parameters.AddWithValue(UndeliveredReply.UnknownReason);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
