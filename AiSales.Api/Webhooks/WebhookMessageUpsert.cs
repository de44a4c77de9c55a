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
    // A customer's message finds its merchant by the account in the same statement ($1, else $22; no row when no
    // channel has either); an echo comes with its merchant ($1) already routed.
    private static readonly string RoutedByPhoneSql = ConversationSql(RouteByAccount, "phone", "customer_phone");
    private static readonly string RoutedByInstagramSql = ConversationSql(RouteByAccount, "instagram_id", "customer_instagram");
    private static readonly string GivenByPhoneSql = ConversationSql(RouteGiven, "phone", "customer_phone");
    private static readonly string GivenByInstagramSql = ConversationSql(RouteGiven, "instagram_id", "customer_instagram");

    // The messages of a disabled merchant, or of one who turned the AI off, are stored already skipped ($14: a reply trigger);
    // so are those of a conversation a person handles (the conversation's status, in ConversationSql).
    private const string RouteByAccount = """
        SELECT c.merchant_id,
               CASE WHEN $14 THEN CASE WHEN m.status = 'active' AND m.ai_enabled THEN 'pending' ELSE 'skipped' END END AS reply_state
        FROM channels c JOIN merchants m ON m.id = c.merchant_id
        WHERE c.platform = $2 AND c.account_id IN ($1, $22)
        ORDER BY c.account_id = $1 DESC
        LIMIT 1
        """;

    private const string RouteGiven = "SELECT $1::uuid AS merchant_id, $14::text AS reply_state";

    /// <summary>
    /// Customer messages are pipelined: their statements are queued in <paramref name="pending"/> and sent in
    /// one round trip by <see cref="FlushCustomerMessagesAsync"/> (each statement is independent).
    /// </summary>
    public static void QueueCustomerMessage(
        List<QueuedCustomerMessage> pending, ClaimedEvent webhookEvent, CustomerMessage item, DateTimeOffset timestamp, long arrival)
    {
        var platform = webhookEvent.Platform;
        var command = new NpgsqlBatchCommand(platform == WebhookPlatform.WhatsApp ? RoutedByPhoneSql : RoutedByInstagramSql);
        AddParameters(command, platform, Text(WebhookRoute.Routable(item.AccountId)), item.CustomerId, item.CustomerName,
            timestamp, customerSpoke: true, item.ExternalId, "inbound", "customer", item.Kind, item.Text, item.Payload.ToJsonString(),
            item.ReplyToExternalId, new NpgsqlParameter { Value = item.TriggersReply }, deliveryStatus: null, arrival,
            MediaSource.Of(platform, item.Kind, item.Payload));
        command.Parameters.Add(Text(WebhookRoute.Routable(item.FallbackAccountId)));
        pending.Add(new QueuedCustomerMessage(command, webhookEvent, item.AccountId ?? item.FallbackAccountId));
    }

    /// <summary>
    /// Runs the queued statements; returns the newly stored messages that wait for the agent. An event whose message no
    /// channel routes is marked unrouted.
    /// </summary>
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
                if (!await reader.ReadAsync())
                {
                    // Routed items are applied either way; replaying an unrouted event after connecting the channel is safe.
                    queued.Event.MarkUnrouted(queued.AccountId);
                }
                else if (reader.GetBoolean(3) && !reader.IsDBNull(1))
                {
                    replies.Add(new PendingReply(reader.GetInt64(1), reader.GetGuid(0), reader.GetGuid(2)));
                }

                await reader.NextResultAsync();
            }
        }

        pending.Clear();
        return replies;
    }

    /// <summary>The customer, conversation, message (and media) upsert for one message of a known merchant, as one batch statement.</summary>
    public static NpgsqlBatchCommand Command(
        string platform, Guid merchantId, string customerId, string? customerName, DateTimeOffset timestamp,
        bool customerSpoke, string? externalId, string direction, string author, string kind, string? text, string payload,
        string? replyTo, string? replyState, string? deliveryStatus, long arrival, MediaSource? media)
    {
        var command = new NpgsqlBatchCommand(platform == WebhookPlatform.WhatsApp ? GivenByPhoneSql : GivenByInstagramSql);
        AddParameters(command, platform, new NpgsqlParameter { Value = merchantId }, customerId, customerName, timestamp, customerSpoke,
            externalId, direction, author, kind, text, payload, replyTo, Text(replyState), deliveryStatus, arrival, media);
        return command;
    }

    // $1 (the merchant, or the account) and $14 (the reply state, or whether the message triggers one) are the caller's.
    private static void AddParameters(
        NpgsqlBatchCommand command, string platform, NpgsqlParameter route, string customerId, string? customerName, DateTimeOffset timestamp,
        bool customerSpoke, string? externalId, string direction, string author, string kind, string? text, string payload,
        string? replyTo, NpgsqlParameter reply, string? deliveryStatus, long arrival, MediaSource? media)
    {
        command.Parameters.Add(route);
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
        command.Parameters.Add(reply);
        command.Parameters.Add(Text(deliveryStatus));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = deliveryStatus is null ? DBNull.Value : timestamp });
        command.Parameters.AddWithValue(arrival);
        command.Parameters.Add(Text(media?.Type));
        command.Parameters.Add(Text(media?.GraphMediaId));
        command.Parameters.Add(Text(media?.Url));
        command.Parameters.Add(Text(media?.DeclaredMime));
    }

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static string ConversationSql(string route, string customerColumn, string conversationColumn) => $"""
        WITH route AS ({route}),
        customer AS (
            INSERT INTO customers (merchant_id, platform, {customerColumn}, display_name)
            SELECT route.merchant_id, $2, $3, $4 FROM route
            ON CONFLICT (merchant_id, {customerColumn}, platform) WHERE {customerColumn} IS NOT NULL
            DO UPDATE SET display_name = coalesce(EXCLUDED.display_name, customers.display_name),
                          updated_at = CASE WHEN EXCLUDED.display_name IS DISTINCT FROM customers.display_name AND EXCLUDED.display_name IS NOT NULL
                                            THEN now() ELSE customers.updated_at END
            RETURNING id),
        conversation AS (
            INSERT INTO conversations (merchant_id, customer_id, platform, {conversationColumn}, last_customer_message_at, last_activity_at)
            SELECT route.merchant_id, customer.id, $2, $3, $5, $6 FROM customer, route
            ON CONFLICT (merchant_id, {conversationColumn}, platform) WHERE {conversationColumn} IS NOT NULL
            DO UPDATE SET last_customer_message_at = GREATEST(conversations.last_customer_message_at, EXCLUDED.last_customer_message_at),
                          last_activity_at = GREATEST(conversations.last_activity_at, EXCLUDED.last_activity_at),
                          updated_at = now()
            RETURNING id, status),
        message AS (
            INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, kind, text, payload,
                                  reply_to_external_id, reply_state, delivery_status, delivery_status_at, platform_timestamp, sent_at, arrival)
            SELECT route.merchant_id, conversation.id, $2, $7, $8, $9, $10, $11, $12, $13,
                   CASE WHEN route.reply_state = 'pending' AND conversation.status = 'human' THEN 'skipped' ELSE route.reply_state END,
                   $15, $16, $6, $6, $17
            FROM conversation, route
            ON CONFLICT (platform, external_id) WHERE external_id IS NOT NULL DO NOTHING
            RETURNING id, reply_state),
        -- A customer's file: the work to fetch it is committed with the message (docs/media.md).
        media AS (
            INSERT INTO media (merchant_id, message_id, platform, type, graph_media_id, source_url, declared_mime)
            SELECT route.merchant_id, message.id, $2, $18, $19, $20, $21 FROM message, route WHERE $18 IS NOT NULL
            ON CONFLICT (message_id) DO NOTHING)
        SELECT conversation.id, (SELECT id FROM message), route.merchant_id, coalesce((SELECT reply_state FROM message) = 'pending', false)
        FROM conversation, route
        """;
}
