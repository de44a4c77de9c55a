using AiSales.Core.Messaging;
using Npgsql;

namespace AiSales.Core.Orders;

/// <summary>
/// The merchant's optional utility template when an order becomes confirmed (by the agent or a PATCH) or fulfilled
/// (docs/templates.md). Queued inside the transaction that changes the status, through the one outbox insert
/// (<see cref="ReplyOutbox"/>), so the notice goes out exactly when the change commits, and never for a change rolled back
/// (an assistant trial's dry run). Nothing is queued when the event has no template, the order has no WhatsApp
/// conversation, or the WhatsApp channel is not connected.
/// </summary>
public static class OrderNotices
{
    private const string FindSql = """
        SELECT (m.order_templates -> $2)::text, o.number, o.total, o.currency, coalesce(o.customer_name, cu.display_name),
               (SELECT string_agg(i.quantity || ' × ' || i.name, ', ' ORDER BY i.name) FROM order_items i WHERE i.order_id = o.id),
               o.merchant_id, v.id, v.customer_phone, ch.id
        FROM orders o
        JOIN merchants m ON m.id = o.merchant_id
        JOIN conversations v ON v.id = o.conversation_id AND v.platform = 'whatsapp'
        LEFT JOIN customers cu ON cu.id = v.customer_id
        JOIN channels ch ON ch.merchant_id = o.merchant_id AND ch.platform = 'whatsapp' AND ch.status = 'connected'
        WHERE o.id = $1 AND m.order_templates ? $2 AND v.customer_phone IS NOT NULL
        """;

    /// <summary>Queues the notice of <paramref name="orderEvent"/> for the order, if the merchant set one; the delivery id, or null.</summary>
    public static async Task<Guid?> QueueAsync(NpgsqlTransaction transaction, Guid orderId, string orderEvent, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction is closed.");
        OutboxReply reply;
        await using (var find = new NpgsqlCommand(FindSql, connection, transaction))
        {
            find.Parameters.AddWithValue(orderId);
            find.Parameters.AddWithValue(orderEvent);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken) || OrderTemplateSetting.FromJson(reader.GetString(0)) is not { } template)
            {
                return null;
            }

            var parameters = OrderNoticeParameters.For(reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(1), reader.GetDecimal(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(5) ? null : reader.GetString(5), template.Language,
                template.ParameterCount);
            reply = new OutboxReply(reader.GetGuid(6), reader.GetGuid(7), Platforms.WhatsApp, reader.GetGuid(9), reader.GetString(8),
                TemplateMessage.Render(template.Body, parameters), "ai", Template: new OutboxTemplate(template.Name, template.Language, parameters));
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(ReplyOutbox.InsertCommand(reply));
        await using var inserted = await batch.ExecuteReaderAsync(cancellationToken);
        return await inserted.ReadAsync(cancellationToken) ? inserted.GetGuid(0) : null;
    }
}
