using Npgsql;

namespace AiSales.Api.Webhooks;

/// <summary>The merchant an account routes to (customer messages find theirs in their own statement: WebhookMessageUpsert).</summary>
public sealed record WebhookRoute(Guid MerchantId)
{
    /// <summary>The account id worth looking up, or null: no channel's id is empty or longer than 64 characters.</summary>
    public static string? Routable(string? accountId) => string.IsNullOrEmpty(accountId) || accountId.Length > 64 ? null : accountId;
}

/// <summary>
/// A customer message statement waiting to be sent with others in one round trip; the statement finds the merchant by
/// the account itself, and returns no row when no channel has it (<paramref name="AccountId"/> is what the event's error names).
/// </summary>
public sealed record QueuedCustomerMessage(NpgsqlBatchCommand Command, ClaimedEvent Event, string? AccountId);

/// <summary>A newly stored customer message that waits for the agent (published to Redis after the commit).</summary>
public sealed record PendingReply(long MessageId, Guid ConversationId, Guid MerchantId);

/// <summary>
/// The SQL that applies normalised items inside the processor's transaction. Every statement is idempotent,
/// so a redelivered body or a replayed event changes nothing: messages dedupe on (platform, external_id),
/// statuses and read receipts never move backwards, reactions and unsends only set what they carry.
/// </summary>
public sealed class WebhookStore
{
    private const string RouteSql = """
        SELECT merchant_id FROM channels WHERE platform = $1 AND account_id = $2
        """;

    private const string EchoOfKnownMessageSql = """
        UPDATE messages
        SET delivery_status = CASE WHEN delivery_status IS NULL OR delivery_status = 'pending' THEN 'sent' ELSE delivery_status END,
            delivery_status_at = coalesce(delivery_status_at, $3)
        WHERE platform = 'instagram' AND external_id = $1 AND merchant_id = $2
        RETURNING id
        """;

    // An echo can beat the Send API's response: match it to the delivery still being sent to that customer
    // with that exact text, and record the mid there, instead of storing a second copy. An echo also proves a
    // delivery given up as 'outcome unknown' did reach the customer: it is repaired to 'sent'.
    private const string EchoOfSendingDeliverySql = """
        WITH delivery AS (
            SELECT d.id, d.message_id
            FROM outbound_deliveries d JOIN conversations c ON c.id = d.conversation_id
            WHERE d.merchant_id = $2 AND d.platform = 'instagram' AND d.external_id IS NULL
              AND (d.state = 'sending' OR d.state = 'failed' AND d.outcome_unknown)
              AND d.recipient = $3 AND d.body = $4 AND c.customer_instagram = $3
              AND NOT EXISTS (SELECT 1 FROM outbound_deliveries o WHERE o.platform = 'instagram' AND o.external_id = $1)
            ORDER BY d.created_at, d.id
            LIMIT 1
            FOR UPDATE OF d SKIP LOCKED),
        sent AS (
            UPDATE outbound_deliveries o
            SET external_id = $1, state = 'sent', sent_at = coalesce(o.sent_at, $5), updated_at = now(),
                outcome_unknown = false, error_message = CASE WHEN o.outcome_unknown THEN NULL ELSE o.error_message END
            FROM delivery WHERE o.id = delivery.id
            RETURNING o.message_id)
        UPDATE messages m
        SET external_id = coalesce(m.external_id, $1),
            delivery_status = CASE WHEN m.delivery_status IS NULL OR m.delivery_status IN ('pending', 'failed') THEN 'sent' ELSE m.delivery_status END,
            delivery_status_at = CASE WHEN m.delivery_status = 'failed' THEN $5 ELSE coalesce(m.delivery_status_at, $5) END,
            error_title = CASE WHEN m.delivery_status = 'failed' THEN NULL ELSE m.error_title END
        FROM sent WHERE m.id = sent.message_id
        RETURNING m.id
        """;

    private const string ReactionSql = """
        UPDATE messages SET reaction = $4, reacted_at = $5
        WHERE platform = $1 AND external_id = $2 AND merchant_id = $3 AND (reacted_at IS NULL OR reacted_at <= $5)
        """;

    private const string DeleteSql = """
        UPDATE messages
        SET is_deleted = true, deleted_at = coalesce(deleted_at, $3),
            reply_state = CASE WHEN reply_state = 'pending' THEN 'skipped' ELSE reply_state END
        WHERE platform = 'instagram' AND external_id = $1 AND merchant_id = $2
        """;

    // Seen up to a mid (or a watermark): our earlier outbound messages in that conversation become read.
    private const string ReadSql = """
        UPDATE messages m SET delivery_status = 'read', delivery_status_at = $5
        FROM conversations c
        WHERE c.merchant_id = $1 AND c.platform = 'instagram' AND c.customer_instagram = $2
          AND m.conversation_id = c.id AND m.direction = 'outbound'
          AND (m.delivery_status IN ('sent', 'delivered') OR m.delivery_status = 'pending' AND m.external_id IS NOT NULL)
          AND (m.id <= (SELECT r.id FROM messages r WHERE r.platform = 'instagram' AND r.external_id = $3 AND r.conversation_id = c.id)
               OR coalesce(m.platform_timestamp, m.created_at) <= $4)
        """;

    public async Task<WebhookRoute?> RouteAsync(NpgsqlConnection connection, string platform, string accountId)
    {
        await using var command = new NpgsqlCommand(RouteSql, connection);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(accountId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new WebhookRoute(reader.GetGuid(0)) : null;
    }

    public async Task StoreEchoAsync(NpgsqlConnection connection, WebhookRoute route, EchoMessage item, DateTimeOffset timestamp, long arrival)
    {
        if (await ExecuteAsync(connection, EchoOfKnownMessageSql, item.ExternalId, route.MerchantId, timestamp) > 0)
        {
            return;
        }

        if (item.Text is not null && await ExecuteAsync(connection, EchoOfSendingDeliverySql, item.ExternalId, route.MerchantId, item.CustomerId, item.Text, timestamp) > 0)
        {
            return;
        }

        // Typed by the merchant in Meta's own app: part of the conversation, never a reply trigger.
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(WebhookMessageUpsert.Command(WebhookPlatform.Instagram, route.MerchantId, item.CustomerId, null, timestamp, customerSpoke: false,
            item.ExternalId, "outbound", "merchant_app", item.Kind, item.Text, item.Payload.ToJsonString(), null, null, deliveryStatus: "sent", arrival, media: null));
        await batch.ExecuteNonQueryAsync();
    }

    public async Task ApplyStatusAsync(NpgsqlConnection connection, WebhookRoute route, StatusUpdate item, DateTimeOffset timestamp)
    {
        if (Guid.TryParse(item.CallbackData, out var deliveryId))
        {
            await ExecuteAsync(connection, WebhookStatusSql.ReconcileDelivery, deliveryId, item.ExternalId, route.MerchantId, timestamp);
        }

        await ExecuteAsync(connection, WebhookStatusSql.ApplyStatus, WebhookPlatform.WhatsApp, item.ExternalId, item.Status, timestamp,
            (object?)item.ErrorCode ?? DBNull.Value, (object?)item.ErrorTitle ?? DBNull.Value, route.MerchantId);
    }

    public Task ApplyReactionAsync(NpgsqlConnection connection, string platform, WebhookRoute route, ReactionUpdate item, DateTimeOffset timestamp) =>
        ExecuteAsync(connection, ReactionSql, platform, item.TargetExternalId, route.MerchantId, (object?)item.Emoji ?? DBNull.Value, timestamp);

    public Task ApplyDeleteAsync(NpgsqlConnection connection, WebhookRoute route, MessageDeleted item, DateTimeOffset timestamp) =>
        ExecuteAsync(connection, DeleteSql, item.ExternalId, route.MerchantId, timestamp);

    public Task ApplyReadAsync(NpgsqlConnection connection, WebhookRoute route, ReadReceipt item, DateTimeOffset timestamp) =>
        ExecuteAsync(connection, ReadSql, route.MerchantId, item.CustomerId,
            (object?)item.UpToExternalId ?? DBNull.Value, (object?)item.Watermark ?? DBNull.Value, timestamp);

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            // A NULL goes untyped: PostgreSQL infers its type from where the parameter is used.
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync();
    }
}
