using Npgsql;

namespace AiSales.Core.Messaging;

/// <summary>One part of a reply to queue: who wrote it and where it goes; <c>Choices</c> (JSON) what it offers to tap.</summary>
public sealed record OutboxReply(
    Guid MerchantId, Guid ConversationId, string Platform, Guid ChannelId, string Recipient, string Text, string Author,
    bool HumanAgentTag = false, string? Choices = null);

/// <summary>A lease taken at insert time: the writer sends this part itself right after its commit.</summary>
public sealed record OutboxLease(string Owner, TimeSpan Duration);

/// <summary>
/// The outbox, written once for the agent's and the people's replies: an outbound row in messages (delivery_status
/// 'pending') and its outbound_deliveries row, inserted by one statement inside the writer's transaction. The
/// agent's sender delivers it (docs/agent.md). With a lease, the part is inserted already 'sending' for the writer,
/// but only when nothing earlier of the conversation waits to go out, so replies keep their order.
/// </summary>
public static class ReplyOutbox
{
    private const string InsertSql = """
        WITH message AS (
            INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, delivery_status, delivery_status_at, payload)
            SELECT $1, $2, $3, 'outbound', $7, 'text', $4, 'pending', now(),
                   CASE WHEN $11::jsonb IS NULL THEN '{{}}'::jsonb ELSE jsonb_build_object('choices', $11::jsonb) END
            WHERE {0}
            RETURNING id),
        direct AS (
            SELECT $8::text IS NOT NULL
                   AND EXISTS (SELECT 1 FROM channels c WHERE c.id = $5 AND c.status = 'connected')
                   AND NOT EXISTS (SELECT 1 FROM outbound_deliveries e WHERE e.conversation_id = $2 AND e.state IN ('pending', 'sending')) AS now)
        INSERT INTO outbound_deliveries (
            merchant_id, conversation_id, message_id, channel_id, platform, recipient, body, human_agent_tag, state, lease_owner, lease_expires_at, attempts)
        SELECT $1, $2, message.id, $5, $3, $6, $4, $10,
               CASE WHEN direct.now THEN 'sending' ELSE 'pending' END,
               CASE WHEN direct.now THEN $8 END,
               CASE WHEN direct.now THEN now() + make_interval(secs => $9) END,
               CASE WHEN direct.now THEN 1 ELSE 0 END
        FROM message, direct
        RETURNING id, message_id, state
        """;

    /// <summary>
    /// The insert; it returns (delivery id, message id, state), state 'sending' when the lease was taken. With
    /// <paramref name="condition"/> (a SQL boolean written by this codebase, never from input) nothing is inserted
    /// unless it holds, so a writer can queue a reply in the same round trip as the check that allows it.
    /// </summary>
    public static NpgsqlBatchCommand InsertCommand(OutboxReply reply, OutboxLease? lease = null, string condition = "true")
    {
        var command = new NpgsqlBatchCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, InsertSql, condition));
        command.Parameters.AddWithValue(reply.MerchantId);
        command.Parameters.AddWithValue(reply.ConversationId);
        command.Parameters.AddWithValue(reply.Platform);
        command.Parameters.AddWithValue(reply.Text);
        command.Parameters.AddWithValue(reply.ChannelId);
        command.Parameters.AddWithValue(reply.Recipient);
        command.Parameters.AddWithValue(reply.Author);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)lease?.Owner ?? DBNull.Value });
        command.Parameters.AddWithValue(lease?.Duration.TotalSeconds ?? 0d);
        command.Parameters.AddWithValue(reply.HumanAgentTag);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb, Value = (object?)reply.Choices ?? DBNull.Value });
        return command;
    }
}
