namespace AiSales.AiAgent.Delivery;

/// <summary>
/// An AI reply whose send's outcome stayed unknown is never resent (contract §5), so the customer may be waiting with
/// nobody to answer: the conversation goes to a person with the reason (a 'failure' handoff, visible in
/// GET /api/conversations/{id} and on the console), unless a person already has it. (A reply Meta refused for good is
/// only marked failed with Meta's code, as §5 says: the merchant sees it, and the AI still answers the customer's next
/// message.) A person's own reply stays with that person: they see its status.
/// </summary>
internal static class UndeliveredReply
{
    public const string UnknownReason =
        "The AI's reply may not have reached the customer: its send got no answer from the Graph API (or stopped midway) and is not resent, to avoid a duplicate. Check and answer.";

    /// <summary>
    /// Data-modifying CTEs (to follow a WITH list) that hand over the conversations of the AI messages in
    /// <paramref name="undelivered"/> (a CTE returning message_id) with <paramref name="reason"/> (an SQL text expression).
    /// </summary>
    public static string HandoffCtes(string undelivered, string reason) => $"""
        handed AS (
            UPDATE conversations c
            SET status = 'human', handoff_reason = {reason}, status_changed_at = now(), updated_at = now()
            FROM messages m
            WHERE m.id IN (SELECT message_id FROM {undelivered}) AND m.author = 'ai'
              AND c.id = m.conversation_id AND c.status = 'ai'
            RETURNING c.id, c.merchant_id, c.handoff_reason),
        recorded AS (
            INSERT INTO conversation_handoffs (merchant_id, conversation_id, to_status, source, reason)
            SELECT merchant_id, id, 'human', 'failure', handoff_reason FROM handed)
        """;
}
