using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Data;
using AiSales.Core.Knowledge;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// The turn's lease on its conversation, in SQL. Claiming takes the lease (owner + expiry) and reads the turn in one
/// round trip; the connection goes back to the pool before the model is called. The lease is renewed while the turn
/// runs, so a live turn is never taken over and a dead one is after at most TurnLeaseSeconds, or at once when its
/// process is known to be gone: it no longer holds its instance lock (docs/agent.md).
/// </summary>
public sealed class TurnStore(NpgsqlDataSource dataSource, IOptions<AgentOptions> options, IOptions<Intake.IntakeOptions> intake, Fleet.FleetMembership fleet)
{
    /// <summary>The lease owner: this process's fleet id, the id its instance lock is taken on.</summary>
    public string Owner => fleet.InstanceId;

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(3, options.Value.TurnLeaseSeconds));

    /// <summary>
    /// SQL true when the turn lease of the conversation row <paramref name="alias"/> is free to take: nobody holds it,
    /// its owner's lease ran out, or its owner's process is gone (checked last: it reads pg_locks). The one rule the
    /// claim and the PostgreSQL poller share.
    /// </summary>
    public static string LeaseFree(string alias) =>
        $"({alias}.turn_owner IS NULL OR {alias}.turn_expires_at < now() OR {Fleet.InstanceLock.OwnerGone($"{alias}.turn_owner")})";

    // Takes the lease (free or ours; and not pausing after a failed try) and reads the conversation, its merchant and
    // channel in one statement: no row when the lease is not ours to take.
    private static readonly string ClaimSql = $"""
        WITH v AS (
            UPDATE conversations SET turn_owner = $2, turn_expires_at = now() + make_interval(secs => $3)
            WHERE id = $1 AND (turn_owner = $2 OR {LeaseFree("conversations")})
              AND (turn_retry_at IS NULL OR turn_retry_at <= now())
            RETURNING *, {AsyncCommit.Expression})
        SELECT v.merchant_id, v.customer_id, v.platform, v.ai_failed_turns, v.turn_failures,
               m.name, m.assistant_name, m.persona, m.language, m.greeting, m.handoff_keywords,
               v.status, m.ai_enabled, m.status, c.id, c.status, c.account_id, c.token_ciphertext, c.token_key_id,
               coalesce(v.customer_phone, v.customer_instagram), v.last_customer_message_at, v.agent_state::text, m.faq::text, m.interactive_replies, c.catalog_id, m.image_reply
        FROM v
        JOIN merchants m ON m.id = v.merchant_id
        LEFT JOIN channels c ON c.merchant_id = v.merchant_id AND c.platform = v.platform
        """;

    // The newest pending messages in send order (contract §4 rule 9), and whether an earlier webhook event that may hold an
    // earlier message of this customer is still being normalised: a recent one (a stuck event never blocks answers) whose
    // raw body names the customer (their WhatsApp number or Instagram id appears verbatim in Meta's JSON), so another
    // customer's backlog never delays this one.
    private const string PendingSql = """
        SELECT id, coalesce(text, payload->>'caption'),
               arrival IS NOT NULL AND EXISTS (
                   SELECT 1 FROM webhook_events e, conversations c
                   WHERE c.id = $1 AND e.state = 'received' AND e.id < newest.arrival / 4096
                     AND e.received_at > now() - make_interval(secs => $4)
                     AND position(convert_to(coalesce(c.customer_phone, c.customer_instagram), 'UTF8') IN e.body) > 0),
               pending, external_id,
               CASE WHEN payload ?| array['order', 'interactive', 'quick_reply'] THEN payload::text END, kind
        FROM (SELECT *, count(*) OVER () AS pending FROM messages
              WHERE conversation_id = $1 AND reply_state = 'pending'
                AND EXISTS (SELECT 1 FROM conversations WHERE id = $1 AND turn_owner = $2)
              ORDER BY sent_at DESC, coalesce(arrival, 9223372036854775807) DESC, id DESC
              LIMIT $3) newest
        ORDER BY sent_at, coalesce(arrival, 9223372036854775807), id
        """;

    private const string HistorySql = """
        SELECT direction, text FROM (
            SELECT direction, text, sent_at, arrival, id FROM messages
            WHERE conversation_id = $1 AND text IS NOT NULL AND NOT is_deleted
              AND reply_state IS DISTINCT FROM 'pending'
              AND (direction = 'outbound' OR author = 'customer')
            ORDER BY sent_at DESC, coalesce(arrival, 9223372036854775807) DESC, id DESC
            LIMIT $2) recent
        ORDER BY sent_at, coalesce(arrival, 9223372036854775807), id
        """;

    /// <summary>Takes the lease and reads the turn (one round trip of four statements, its own short transaction); null when not ours to take.</summary>
    public async Task<TurnSnapshot?> ClaimAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        Add(batch, ClaimSql, conversationId, Owner, Lease.TotalSeconds);
        Add(batch, PendingSql, conversationId, Owner, Math.Max(1, options.Value.MaxMessagesPerTurn), (double)intake.Value.OrderingWaitSeconds);
        Add(batch, HistorySql, conversationId, options.Value.HistoryMessages);
        OrderQueries.AddDraftCommands(batch, conversationId);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var conversation = ReadConversation(reader, conversationId);
        await reader.NextResultAsync(cancellationToken);
        var pending = new List<PendingMessage>();
        var waits = false;
        long pendingTotal = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingMessage(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
            waits |= reader.GetBoolean(2);
            pendingTotal = reader.GetInt64(3);
        }

        await reader.NextResultAsync(cancellationToken);
        var history = new List<HistoryMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new HistoryMessage(reader.GetString(0) == "inbound", reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var draft = await OrderQueries.ReadAsync(reader, cancellationToken);
        // Pending messages older than the newest N are skipped at commit (by send order), never answered out of order.
        return new TurnSnapshot(conversation, pending, SkipsOlder: pendingTotal > pending.Count, history, draft, waits);
    }

    /// <summary>Extends the leases of this process's live turns; returns those still ours (the others were taken over).</summary>
    public async Task<HashSet<Guid>> RenewAsync(Guid[] conversationIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE conversations SET turn_expires_at = now() + make_interval(secs => $3) WHERE id = ANY($1) AND turn_owner = $2
            RETURNING id, {AsyncCommit.Expression}
            """);
        command.Parameters.AddWithValue(conversationIds);
        command.Parameters.AddWithValue(Owner);
        command.Parameters.AddWithValue(Lease.TotalSeconds);
        var renewed = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            renewed.Add(reader.GetGuid(0));
        }

        return renewed;
    }

    /// <summary>Gives the lease back without answering (nothing to do, or waiting for earlier messages).</summary>
    public async Task ReleaseAsync(Guid conversationId)
    {
        await using var command = dataSource.CreateCommand(TurnSql.ReleaseSql);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(Owner);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static TurnConversation ReadConversation(NpgsqlDataReader reader, Guid conversationId)
    {
        var merchant = new MerchantProfile(reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
            reader.GetString(9), reader.GetFieldValue<string[]>(10), FaqJson.Deserialize(reader.GetString(22)), reader.GetBoolean(23),
            reader.GetString(25));
        return new TurnConversation(conversationId, reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3),
            reader.GetInt32(4), merchant, ReadGuard(reader, 11), DialogueState.FromJson(reader.IsDBNull(21) ? null : reader.GetString(21)),
            reader.IsDBNull(24) ? null : reader.GetString(24));
    }

    /// <summary>Reads the guard's ten columns starting at <paramref name="at"/> (the same shape in the claim and the commit).</summary>
    public static TurnGuard ReadGuard(NpgsqlDataReader reader, int at) => new(
        Status: reader.GetString(at),
        AiEnabled: reader.GetBoolean(at + 1),
        MerchantStatus: reader.GetString(at + 2),
        ChannelId: reader.IsDBNull(at + 3) ? null : reader.GetGuid(at + 3),
        ChannelConnected: !reader.IsDBNull(at + 4) && reader.GetString(at + 4) == "connected",
        AccountId: reader.IsDBNull(at + 5) ? null : reader.GetString(at + 5),
        Token: reader.IsDBNull(at + 6) ? null : new SealedSecret(reader.GetFieldValue<byte[]>(at + 6), reader.GetString(at + 7)),
        Recipient: reader.IsDBNull(at + 8) ? null : reader.GetString(at + 8),
        LastCustomerMessageAt: reader.IsDBNull(at + 9) ? null : reader.GetFieldValue<DateTimeOffset>(at + 9));

    public static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(command);
    }
}
