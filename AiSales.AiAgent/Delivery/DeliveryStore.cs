using AiSales.Core.Data;
using AiSales.Core.Security;
using Npgsql;

namespace AiSales.AiAgent.Delivery;

/// <summary>A claimed delivery with what sending it needs (the token still sealed).</summary>
public sealed record ClaimedDelivery(
    Guid Id, long MessageId, Guid MerchantId, Guid ChannelId, string Platform, string AccountId, string Recipient, string Body,
    bool HumanAgentTag, string Author, int Attempts, SealedSecret Token, DateTimeOffset? LastCustomerMessageAt, string? Template = null, string? Choices = null);

/// <summary>
/// The delivery state machine in SQL: pending → sending (leased) → sent | failed. Every transition is
/// guarded by the state it leaves, so a late worker can never overwrite what reconciliation recorded.
/// </summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource)
{
    // Only the oldest unfinished delivery of a conversation is eligible, and only while none of its
    // conversation is being sent: split parts and successive replies go out in order, one at a time.
    private const string ClaimSql = """
        WITH due AS (
            SELECT d.id
            FROM outbound_deliveries d
            JOIN channels c ON c.id = d.channel_id
            WHERE d.state = 'pending' AND d.next_attempt_at <= now() AND c.status = 'connected'
              AND NOT EXISTS (
                  SELECT 1 FROM outbound_deliveries e
                  WHERE e.conversation_id = d.conversation_id AND e.state IN ('pending', 'sending')
                    AND (e.state = 'sending' OR e.message_id < d.message_id))
            ORDER BY d.next_attempt_at, d.message_id
            LIMIT $1
            FOR UPDATE OF d SKIP LOCKED)
        UPDATE outbound_deliveries d
        SET state = 'sending', lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3),
            attempts = d.attempts + 1, updated_at = now()
        FROM due
        WHERE d.id = due.id
        RETURNING d.id
        """;

    private const string LoadSql = """
        SELECT d.id, d.message_id, d.merchant_id, d.channel_id, d.platform, c.account_id, d.recipient, d.body,
               d.human_agent_tag, m.author, d.attempts, c.token_ciphertext, c.token_key_id, v.last_customer_message_at, d.template::text,
               (m.payload->'choices')::text
        FROM outbound_deliveries d
        JOIN channels c ON c.id = d.channel_id
        JOIN messages m ON m.id = d.message_id
        JOIN conversations v ON v.id = d.conversation_id
        WHERE d.id = ANY($1)
        ORDER BY d.message_id
        """;

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int batchSize, string owner, int leaseSeconds, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await using (var claim = dataSource.CreateCommand(ClaimSql))
        {
            claim.Parameters.AddWithValue(batchSize);
            claim.Parameters.AddWithValue(owner);
            claim.Parameters.AddWithValue((double)leaseSeconds);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        if (ids.Count == 0)
        {
            return [];
        }

        var claimed = new List<ClaimedDelivery>();
        await using var load = dataSource.CreateCommand(LoadSql);
        load.Parameters.AddWithValue(ids.ToArray());
        await using var rows = await load.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                rows.GetGuid(0), rows.GetInt64(1), rows.GetGuid(2), rows.GetGuid(3), rows.GetString(4), rows.GetString(5),
                rows.GetString(6), rows.GetString(7), rows.GetBoolean(8), rows.GetString(9), rows.GetInt32(10),
                new SealedSecret(rows.GetFieldValue<byte[]>(11), rows.GetString(12)),
                rows.IsDBNull(13) ? null : rows.GetFieldValue<DateTimeOffset>(13), rows.IsDBNull(14) ? null : rows.GetString(14),
                rows.IsDBNull(15) ? null : rows.GetString(15)));
        }

        return claimed;
    }

    /// <summary>
    /// The delivery and its message are marked sent in one statement, committed without waiting for the WAL flush
    /// (<see cref="AsyncCommit"/>): nothing is sent on the strength of it, and the conversation's next send is leased by
    /// a synchronous commit first, which makes it durable. A crash of PostgreSQL within those milliseconds leaves the
    /// delivery 'sending': reconciled by Meta's status webhook, or given up as unknown, never sent again.
    /// </summary>
    public async Task MarkSentAsync(Guid id, long messageId, string externalId, CancellationToken cancellationToken)
    {
        // coalesce: a status webhook may already have recorded the same id through biz_opaque_callback_data.
        await using var command = Command($"""
            WITH delivery AS (
                UPDATE outbound_deliveries
                SET state = 'sent', external_id = coalesce(external_id, $2), sent_at = coalesce(sent_at, now()),
                    lease_owner = NULL, lease_expires_at = NULL, error_code = NULL, error_message = NULL, updated_at = now()
                WHERE id = $1 AND state IN ('sending', 'sent'))
            UPDATE messages
            SET external_id = coalesce(external_id, $2),
                delivery_status = CASE WHEN delivery_status IS NULL OR delivery_status = 'pending' THEN 'sent' ELSE delivery_status END,
                delivery_status_at = CASE WHEN delivery_status IS NULL OR delivery_status = 'pending' THEN now() ELSE delivery_status_at END
            WHERE id = $3
            RETURNING {AsyncCommit.Expression}
            """, id, externalId, messageId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Failed for good (contract §5): the delivery and its message's status, in one statement.</summary>
    public async Task MarkFailedAsync(Guid id, long messageId, int? code, string error, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            WITH failed AS (
                UPDATE outbound_deliveries
                SET state = 'failed', error_code = $2, error_message = $3, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
                WHERE id = $1 AND state = 'sending')
            UPDATE messages
            SET delivery_status = 'failed', delivery_status_at = now(), error_code = $2, error_title = $3
            WHERE id = $4 AND (delivery_status IS NULL OR delivery_status = 'pending')
            """, id, (object?)code ?? DBNull.Value, error, messageId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Back to pending for a later attempt (throttling, transient errors, a disconnected channel).</summary>
    public async Task RescheduleAsync(Guid id, TimeSpan delay, int? code, string? error, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            UPDATE outbound_deliveries
            SET state = 'pending', next_attempt_at = now() + make_interval(secs => $2), error_code = $3, error_message = $4,
                lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
            WHERE id = $1 AND state = 'sending'
            """, id, delay.TotalSeconds, (object?)code ?? DBNull.Value, (object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Code 190: no more sends on this channel until the merchant reconnects it (PUT channel sets 'connected').</summary>
    public async Task DisconnectChannelAsync(Guid channelId, string reason, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            UPDATE channels SET status = 'disconnected', status_reason = $2, status_changed_at = now(), updated_at = now()
            WHERE id = $1 AND status = 'connected'
            """, channelId, reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
