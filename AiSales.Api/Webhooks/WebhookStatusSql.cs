namespace AiSales.Api.Webhooks;

/// <summary>
/// How a WhatsApp status webhook moves an outbound message (contract section 4 rule 7): never backwards
/// (sent → delivered → read; failed outranks them), except that a delivery the agent gave up on because its send
/// outcome was unknown (outbound_deliveries.outcome_unknown) is repaired by any later status: Meta's word about
/// what the customer saw beats our guess, and a real failure status (with its error) still wins.
/// </summary>
public static class WebhookStatusSql
{
    private const string Rank = """
        CASE {0} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END
        """;

    public static readonly string ApplyStatus = $"""
        WITH target AS (
            SELECT m.id, m.delivery_status = 'failed' AND EXISTS (
                       SELECT 1 FROM outbound_deliveries d WHERE d.message_id = m.id AND d.outcome_unknown) AS unknown
            FROM messages m
            WHERE m.platform = $1 AND m.external_id = $2 AND m.merchant_id = $7 AND m.direction = 'outbound'
        ), updated AS (
            UPDATE messages m
            SET delivery_status = $3::text, delivery_status_at = $4,
                error_code = CASE WHEN $3::text = 'failed' THEN $5::integer WHEN t.unknown THEN NULL ELSE m.error_code END,
                error_title = CASE WHEN $3::text = 'failed' THEN $6::text WHEN t.unknown THEN NULL ELSE m.error_title END
            FROM target t
            WHERE m.id = t.id
              AND ({string.Format(Rank, "coalesce(m.delivery_status, 'pending')")} < {string.Format(Rank, "$3::text")} OR t.unknown)
            RETURNING m.id)
        UPDATE outbound_deliveries d
        SET state = CASE WHEN $3::text = 'failed' THEN 'failed' ELSE 'sent' END, outcome_unknown = false,
            error_message = CASE WHEN $3::text = 'failed' THEN $6::text END, updated_at = now()
        FROM updated
        WHERE d.message_id = updated.id AND d.outcome_unknown
        """;

    // The agent puts its outbound_deliveries.id in biz_opaque_callback_data; the status echoes it back with the
    // wamid, which may arrive before the sender recorded it (e.g. it died after Meta accepted the send), or after
    // the delivery was given up as 'outcome unknown' (then ApplyStatus repairs the message).
    public const string ReconcileDelivery = """
        WITH delivery AS (
            UPDATE outbound_deliveries
            SET external_id = coalesce(external_id, $2),
                state = CASE WHEN state IN ('pending', 'sending') THEN 'sent' ELSE state END,
                sent_at = coalesce(sent_at, $4), updated_at = now()
            WHERE id = $1 AND merchant_id = $3 AND platform = 'whatsapp'
              AND (external_id = $2 OR external_id IS NULL AND NOT EXISTS (
                   SELECT 1 FROM outbound_deliveries o WHERE o.platform = 'whatsapp' AND o.external_id = $2))
            RETURNING message_id)
        UPDATE messages m SET external_id = $2
        FROM delivery
        WHERE m.id = delivery.message_id AND m.external_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.platform = 'whatsapp' AND x.external_id = $2)
        """;
}
