namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// The statements that end a turn (TurnCommitter). Send order everywhere is (sent_at, arrival, id), arrival last when
/// absent (contract §4 rule 9).
/// </summary>
public static class TurnSql
{
    public const string GuardSql = """
        SELECT v.turn_owner IS NOT DISTINCT FROM $2, v.status, m.ai_enabled, m.status, c.id, c.status, c.account_id,
               c.token_ciphertext, c.token_key_id, coalesce(v.customer_phone, v.customer_instagram), v.last_customer_message_at
        FROM conversations v
        JOIN merchants m ON m.id = v.merchant_id
        LEFT JOIN channels c ON c.merchant_id = v.merchant_id AND c.platform = v.platform
        WHERE v.id = $1
        FOR UPDATE OF v
        """;

    public const string NewerPendingSql = """
        SELECT EXISTS (
            SELECT 1 FROM messages o, messages f
            WHERE f.id = $2 AND o.conversation_id = $1 AND o.reply_state = 'pending' AND o.id <> ALL($3)
              AND (o.sent_at, coalesce(o.arrival, 9223372036854775807), o.id) > (f.sent_at, coalesce(f.arrival, 9223372036854775807), f.id))
        """;

    public const string SkipOlderSql = """
        UPDATE messages o SET reply_state = 'skipped', reply_error = 'older than the newest messages one turn answers'
        FROM messages f
        WHERE f.id = $2 AND o.conversation_id = $1 AND o.reply_state = 'pending'
          AND (o.sent_at, coalesce(o.arrival, 9223372036854775807), o.id) < (f.sent_at, coalesce(f.arrival, 9223372036854775807), f.id)
        """;

    public const string MarkSql = "UPDATE messages SET reply_state = $2, reply_error = $3 WHERE id = ANY($1) AND reply_state = 'pending'";

    public const string FinishSql = """
        UPDATE conversations
        SET ai_failed_turns = $2, last_activity_at = now(), updated_at = now(),
            turn_owner = NULL, turn_expires_at = NULL, turn_failures = 0, turn_retry_at = NULL, turn_error = NULL,
            status = CASE WHEN $3::text IS NULL THEN status ELSE 'human' END,
            handoff_reason = coalesce($3::text, handoff_reason),
            status_changed_at = CASE WHEN $3::text IS NULL THEN status_changed_at ELSE now() END
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
}
