using AiSales.Api.Media;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Stores a message with its customer and conversation in one statement, idempotently: customer messages pipelined
/// many to a round trip (<see cref="QueueCustomerMessage"/> then <see cref="FlushCustomerMessagesAsync"/>), and the
/// merchant's own echoes through <see cref="WebhookStore"/>.
/// </summary>
public static class WebhookMessageUpsert
{
    // One round trip per message: customer upsert (keeps the WhatsApp profile name), conversation upsert
    // against the partial unique index, message insert deduplicated on (platform, external_id). The window
    // only moves forward: GREATEST ignores NULL and older timestamps, so a redelivered message changes nothing.
    // sent_at ($6, the platform's timestamp) and arrival ($17) are the send order (MessageArrival).
    private static readonly string ConversationByPhoneSql = ConversationSql("phone", "customer_phone");
    private static readonly string ConversationByInstagramSql = ConversationSql("instagram_id", "customer_instagram");

    /// <summary>
    /// Customer messages are pipelined: their statements are queued in <paramref name="pending"/> and sent in
    /// one round trip by <see cref="FlushCustomerMessagesAsync"/> (each statement is independent).
    /// </summary>
    public static void QueueCustomerMessage(
        List<QueuedCustomerMessage> pending, string platform, WebhookRoute route, CustomerMessage item, DateTimeOffset timestamp, long arrival)
    {
        var replyState = !item.TriggersReply ? null : route.AiAnswers ? "pending" : "skipped";
        var command = Command(platform, route.MerchantId, item.CustomerId, item.CustomerName,
            timestamp, customerSpoke: true, item.ExternalId, "inbound", "customer", item.Kind, item.Text, item.Payload.ToJsonString(),
            item.ReplyToExternalId, replyState, deliveryStatus: null, arrival, MediaSource.Of(platform, item.Kind, item.Payload));
        pending.Add(new QueuedCustomerMessage(command, route.MerchantId, replyState == "pending"));
    }

    /// <summary>Runs the queued statements; returns the newly stored messages that wait for the agent.</summary>
    public static async Task<List<PendingReply>> FlushCustomerMessagesAsync(NpgsqlConnection connection, List<QueuedCustomerMessage> pending)
    {
        var replies = new List<PendingReply>();
        if (pending.Count == 0)
        {
            return replies;
        }

        await using var batch = new NpgsqlBatch(connection);
        foreach (var queued in pending)
        {
            batch.BatchCommands.Add(queued.Command);
        }

        await using (var reader = await batch.ExecuteReaderAsync())
        {
            foreach (var queued in pending)
            {
                await reader.ReadAsync();
                if (queued.TriggersReply && !reader.IsDBNull(1))
                {
                    replies.Add(new PendingReply(reader.GetInt64(1), reader.GetGuid(0), queued.MerchantId));
                }

                await reader.NextResultAsync();
            }
        }

        pending.Clear();
        return replies;
    }

    /// <summary>The customer, conversation, message (and media) upsert for one message, as one batch statement.</summary>
    public static NpgsqlBatchCommand Command(
        string platform, Guid merchantId, string customerId, string? customerName, DateTimeOffset timestamp,
        bool customerSpoke, string? externalId, string direction, string author, string kind, string? text, string payload,
        string? replyTo, string? replyState, string? deliveryStatus, long arrival, MediaSource? media)
    {
        var sql = platform == WebhookPlatform.WhatsApp ? ConversationByPhoneSql : ConversationByInstagramSql;
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(customerId);
        command.Parameters.Add(Text(customerName));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = customerSpoke ? timestamp : DBNull.Value });
        command.Parameters.AddWithValue(timestamp);
        command.Parameters.Add(Text(externalId));
        command.Parameters.AddWithValue(direction);
        command.Parameters.AddWithValue(author);
        command.Parameters.AddWithValue(kind);
        command.Parameters.Add(Text(text));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = payload });
        command.Parameters.Add(Text(replyTo));
        command.Parameters.Add(Text(replyState));
        command.Parameters.Add(Text(deliveryStatus));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = deliveryStatus is null ? DBNull.Value : timestamp });
        command.Parameters.AddWithValue(arrival);
        command.Parameters.Add(Text(media?.Type));
        command.Parameters.Add(Text(media?.GraphMediaId));
        command.Parameters.Add(Text(media?.Url));
        command.Parameters.Add(Text(media?.DeclaredMime));
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static string ConversationSql(string customerColumn, string conversationColumn) => $"""
        WITH customer AS (
            INSERT INTO customers (merchant_id, platform, {customerColumn}, display_name)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (merchant_id, {customerColumn}, platform) WHERE {customerColumn} IS NOT NULL
            DO UPDATE SET display_name = coalesce(EXCLUDED.display_name, customers.display_name),
                          updated_at = CASE WHEN EXCLUDED.display_name IS DISTINCT FROM customers.display_name AND EXCLUDED.display_name IS NOT NULL
                                            THEN now() ELSE customers.updated_at END
            RETURNING id),
        conversation AS (
            INSERT INTO conversations (merchant_id, customer_id, platform, {conversationColumn}, last_customer_message_at, last_activity_at)
            SELECT $1, customer.id, $2, $3, $5, $6 FROM customer
            ON CONFLICT (merchant_id, {conversationColumn}, platform) WHERE {conversationColumn} IS NOT NULL
            DO UPDATE SET last_customer_message_at = GREATEST(conversations.last_customer_message_at, EXCLUDED.last_customer_message_at),
                          last_activity_at = GREATEST(conversations.last_activity_at, EXCLUDED.last_activity_at),
                          updated_at = now()
            RETURNING id),
        message AS (
            INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, kind, text, payload,
                                  reply_to_external_id, reply_state, delivery_status, delivery_status_at, platform_timestamp, sent_at, arrival)
            SELECT $1, conversation.id, $2, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $6, $6, $17 FROM conversation
            ON CONFLICT (platform, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING id),
        -- A customer's file: the work to fetch it is committed with the message (docs/media.md).
        media AS (
            INSERT INTO media (merchant_id, message_id, platform, type, graph_media_id, source_url, declared_mime)
            SELECT $1, message.id, $2, $18, $19, $20, $21 FROM message WHERE $18 IS NOT NULL
            ON CONFLICT (message_id) DO NOTHING)
        SELECT conversation.id, (SELECT id FROM message) FROM conversation
        """;
}
