using AiSales.Core.Data;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// The statements that end a turn (TurnCommitter). Send order everywhere is (sent_at, arrival, id), arrival last when
/// absent (contract §4 rule 9).
/// </summary>
public static class TurnSql
{
    /// <summary>
    /// The commit's first statement: locks the conversation and decides, in the same round trip as the writes, whether
    /// the AI may still answer — the SQL twin of <see cref="TurnPolicy.SkipReason"/>, with the window from
    /// MessagingWindow ($3). It leaves its verdict in transaction-local settings that the later statements of the batch
    /// test (<see cref="MayReply"/>, <see cref="Leased"/>), so no client round trip sits inside the transaction.
    /// It also switches the rest of the batch to generic plans (<see cref="GenericPlans"/>): left to choose, PostgreSQL
    /// planned <see cref="CommitFinishSql"/> afresh on every commit, 0.48 ms of planning per reply.
    /// </summary>
    public const string CommitGuardSql = $"""
        SELECT g.*, set_config('aisales.turn_ok', g.ok::text, true), set_config('aisales.turn_leased', g.leased::text, true),
               {GenericPlans.Expression}
        FROM (
            SELECT v.turn_owner IS NOT DISTINCT FROM $2 AS leased,
                   v.turn_owner IS NOT DISTINCT FROM $2 AND v.status = 'ai' AND m.ai_enabled AND m.status = 'active'
                       AND c.id IS NOT NULL AND coalesce(v.customer_phone, v.customer_instagram) IS NOT NULL
                       AND v.last_customer_message_at > now() - make_interval(secs => $3) AS ok,
                   v.status, m.ai_enabled, m.status AS merchant_status, c.id AS channel_id, c.status AS channel_status, c.account_id,
                   c.token_ciphertext, c.token_key_id, coalesce(v.customer_phone, v.customer_instagram) AS recipient, v.last_customer_message_at
            FROM conversations v
            JOIN merchants m ON m.id = v.merchant_id
            LEFT JOIN channels c ON c.merchant_id = v.merchant_id AND c.platform = v.platform
            WHERE v.id = $1
            FOR NO KEY UPDATE OF v) g
        """;

    /// <summary>True in the commit batch after <see cref="CommitGuardSql"/> when the AI may still answer.</summary>
    public const string MayReply = "current_setting('aisales.turn_ok', true) = 'true'";

    /// <summary>True in the commit batch after <see cref="CommitGuardSql"/> when the lease is still this process's.</summary>
    public const string Leased = "current_setting('aisales.turn_leased', true) = 'true'";

    public const string GuardSql = """
        SELECT v.turn_owner IS NOT DISTINCT FROM $2, v.status, m.ai_enabled, m.status, c.id, c.status, c.account_id,
               c.token_ciphertext, c.token_key_id, coalesce(v.customer_phone, v.customer_instagram), v.last_customer_message_at
        FROM conversations v
        JOIN merchants m ON m.id = v.merchant_id
        LEFT JOIN channels c ON c.merchant_id = v.merchant_id AND c.platform = v.platform
        WHERE v.id = $1
        FOR UPDATE OF v
        """;

    /// <summary>A message's place in its conversation's send order, as a row value to compare.</summary>
    private static string SendOrder(string alias) => $"({alias}.sent_at, coalesce({alias}.arrival, 9223372036854775807), {alias}.id)";

    /// <summary>Pending messages of conversation $1 sent before message <paramref name="newest"/> become 'skipped', when <paramref name="when"/>.</summary>
    private static string SkipOlderThan(string newest, string when) => $"""
        UPDATE messages o SET reply_state = 'skipped', reply_error = 'older than the newest messages one turn answers'
        FROM messages f
        WHERE f.id = {newest} AND o.conversation_id = $1 AND o.reply_state = 'pending' AND {when}
          AND {SendOrder("o")} < {SendOrder("f")}
        """;

    public static readonly string SkipOlderSql = SkipOlderThan("$2", "current_setting('aisales.turn_ok', true) IS DISTINCT FROM 'false'");

    /// <summary>Gives the lease back without answering (nothing to do, waiting for earlier messages, or skipped).</summary>
    public const string ReleaseSql =
        $"UPDATE conversations SET turn_owner = NULL, turn_expires_at = NULL WHERE id = $1 AND turn_owner = $2 RETURNING {AsyncCommit.Expression}";

    public const string MarkSql = "UPDATE messages SET reply_state = $2, reply_error = $3 WHERE id = ANY($1) AND reply_state = 'pending'";

    public const string FinishSql = """
        UPDATE conversations
        SET ai_failed_turns = $2, last_activity_at = now(), updated_at = now(),
            turn_owner = NULL, turn_expires_at = NULL, turn_failures = 0, turn_retry_at = NULL, turn_error = NULL,
            status = CASE WHEN $3::text IS NULL THEN status ELSE 'human' END,
            handoff_reason = coalesce($3::text, handoff_reason),
            status_changed_at = CASE WHEN $3::text IS NULL THEN status_changed_at ELSE now() END,
            agent_state = coalesce($4::jsonb, agent_state)
        WHERE id = $1
        """;

    public const string HandoffSql = """
        INSERT INTO conversation_handoffs (merchant_id, conversation_id, to_status, source, reason) VALUES ($1, $2, 'human', $3, $4)
        """;

    public const string UsageSql = """
        INSERT INTO agent_turns (merchant_id, conversation_id, provider, model, outcome, model_calls, prompt_tokens, completion_tokens,
                                 tool_calls, duration_ms, error)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """;

    /// <summary>
    /// The commit's writes after the guard, one statement: when the AI may still answer, the answered messages ($5)
    /// become 'done' and, when the turn read only the newest ($6), older pending ones 'skipped'; the conversation is
    /// finished (<see cref="FinishSql"/>: lease released, failures cleared, the handoff $3 applied) and the handoff
    /// recorded; the turn's usage always ('superseded' when the reply did not go in). It returns whether newer messages
    /// than those answered wait for the next turn (read after the guard's lock, so none committed meanwhile is missed).
    /// </summary>
    public static readonly string CommitFinishSql = $"""
        WITH done AS (
            UPDATE messages SET reply_state = 'done' WHERE id = ANY($5) AND reply_state = 'pending' AND {MayReply}),
        older AS (
            {SkipOlderThan("$5[1]", $"$6 AND {MayReply}")}),
        finished AS (
            {FinishSql} AND {MayReply}),
        handoff AS (
            INSERT INTO conversation_handoffs (merchant_id, conversation_id, to_status, source, reason)
            SELECT $7, $1, 'human', 'ai', $3::text WHERE $3::text IS NOT NULL AND {MayReply}),
        usage AS (
            INSERT INTO agent_turns (merchant_id, conversation_id, provider, model, outcome, model_calls, prompt_tokens, completion_tokens,
                                     tool_calls, duration_ms, error)
            SELECT $7, $1, $8, $9, CASE WHEN {MayReply} THEN $10 ELSE 'superseded' END, $11, $12, $13, $14, $15,
                   CASE WHEN {MayReply} THEN NULL WHEN {Leased} THEN 'the AI may no longer answer this conversation' ELSE 'the turn''s lease was lost' END)
        SELECT EXISTS (
            SELECT 1 FROM messages o, messages f
            WHERE f.id = $5[1] AND o.conversation_id = $1 AND o.reply_state = 'pending' AND o.id <> ALL($5)
              AND {SendOrder("o")} > {SendOrder("f")})
        """;
}
