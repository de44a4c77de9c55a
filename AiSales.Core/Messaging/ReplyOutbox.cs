using System.Text.Json.Nodes;
using Npgsql;

namespace AiSales.Core.Messaging;

/// <summary>
/// One part of a reply to queue: who wrote it and where it goes; <c>Choices</c> (JSON) what it offers to tap;
/// <c>Template</c> an approved WhatsApp template sent instead of free text (then <c>Text</c> is its filled body).
/// </summary>
public sealed record OutboxReply(
    Guid MerchantId, Guid ConversationId, string Platform, Guid ChannelId, string Recipient, string Text, string Author,
    bool HumanAgentTag = false, string? Choices = null, OutboxTemplate? Template = null);

/// <summary>A template part: its name, language code and body parameters in order.</summary>
public sealed record OutboxTemplate(string Name, string Language, IReadOnlyList<string> Parameters);

/// <summary>A lease taken at insert time: the writer sends this part itself right after its commit.</summary>
public sealed record OutboxLease(string Owner, TimeSpan Duration);

/// <summary>
/// The outbox, written once for every outbound message (the agent's replies, the people's, templates, order notices): an
/// outbound row in messages (delivery_status 'pending') and its outbound_deliveries row, inserted by one statement inside
/// the writer's transaction. The agent's sender delivers it (docs/agent.md); a template part carries Meta's
/// <c>template</c> object in the delivery and goes out without the window check. With a lease, the part is inserted already 'sending' for the writer,
/// but only when nothing earlier of the conversation waits to go out, so replies keep their order.
/// </summary>
public static class ReplyOutbox
{
    private const string InsertSql = """
        WITH message AS (
            INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, delivery_status, delivery_status_at, payload)
            SELECT $1, $2, $3, 'outbound', $7, $12, $4, 'pending', now(), $11::jsonb
            WHERE {0}
            RETURNING id),
        direct AS (
            SELECT $8::text IS NOT NULL
                   AND EXISTS (SELECT 1 FROM channels c WHERE c.id = $5 AND c.status = 'connected')
                   AND NOT EXISTS (SELECT 1 FROM outbound_deliveries e WHERE e.conversation_id = $2 AND e.state IN ('pending', 'sending')) AS now)
        INSERT INTO outbound_deliveries (
            merchant_id, conversation_id, message_id, channel_id, platform, recipient, body, human_agent_tag, template, state, lease_owner, lease_expires_at, attempts)
        SELECT $1, $2, message.id, $5, $3, $6, $4, $10, $13::jsonb,
               CASE WHEN direct.now THEN 'sending' ELSE 'pending' END,
               CASE WHEN direct.now THEN $8 END,
               CASE WHEN direct.now THEN now() + make_interval(secs => $9) END,
               CASE WHEN direct.now THEN 1 ELSE 0 END
        FROM message, direct
        RETURNING id, message_id, state
        """;

    // The insert's text per condition (a handful, all written in this codebase): formatted once, not per reply.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_insertSql = new(StringComparer.Ordinal);

    /// <summary>
    /// The insert; it returns (delivery id, message id, state), state 'sending' when the lease was taken. With
    /// <paramref name="condition"/> (a SQL boolean written by this codebase, never from input) nothing is inserted
    /// unless it holds, so a writer can queue a reply in the same round trip as the check that allows it.
    /// </summary>
    public static NpgsqlBatchCommand InsertCommand(OutboxReply reply, OutboxLease? lease = null, string condition = "true")
    {
        var command = new NpgsqlBatchCommand(s_insertSql.GetOrAdd(condition, c => string.Format(System.Globalization.CultureInfo.InvariantCulture, InsertSql, c)));
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
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb, Value = Payload(reply) });
        command.Parameters.AddWithValue(reply.Template is null ? "text" : "template");
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb,
            Value = reply.Template is { } t ? TemplateMessage.Template(t.Name, t.Language, t.Parameters).ToJsonString() : DBNull.Value,
        });
        return command;
    }

    /// <summary>The message's payload: what it offers to tap, or the template it is (what the conversation shows).</summary>
    public static string Payload(OutboxReply reply)
    {
        var payload = new JsonObject();
        if (reply.Choices is not null)
        {
            payload["choices"] = JsonNode.Parse(reply.Choices);
        }

        if (reply.Template is { } template)
        {
            payload["template"] = new JsonObject
            {
                ["name"] = template.Name,
                ["language"] = template.Language,
                ["parameters"] = new JsonArray([.. template.Parameters.Select(p => (JsonNode?)JsonValue.Create(p))]),
            };
        }

        return payload.ToJsonString();
    }
}
