using Npgsql;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>How an order is read for a turn: the order row with its lines, one statement (one row per line).</summary>
public static class OrderQueries
{
    /// <summary>The conversation's draft and its lines (also part of the turn's first read).</summary>
    public static void AddDraftCommands(NpgsqlBatch batch, Guid conversationId) =>
        AddCommands(batch, "o.conversation_id = $1 AND o.status = 'draft'", conversationId);

    /// <summary>One order of the conversation by id.</summary>
    public static void AddOrderCommands(NpgsqlBatch batch, Guid orderId) => AddCommands(batch, "o.id = $1", orderId);

    // At most one order matches (an id, or the one draft a conversation may have): no row is no order, a row with no
    // line (the LEFT JOIN's nulls) an order without lines.
    private static void AddCommands(NpgsqlBatch batch, string where, Guid key)
    {
        var order = new NpgsqlBatchCommand($"""
            SELECT o.id, o.number, o.total, o.currency, o.customer_name, o.shipping_address, o.customer_phone, o.status,
                   i.sku, i.name, i.unit_price, i.quantity, i.line_total, i.product_id
            FROM orders o
            LEFT JOIN order_items i ON i.order_id = o.id
            WHERE {where}
            ORDER BY i.name
            """);
        order.Parameters.AddWithValue(key);
        batch.BatchCommands.Add(order);
    }

    /// <summary>Reads the result of the command above; the reader is positioned on it.</summary>
    public static async Task<OrderView?> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        OrderView? view = null;
        var items = new List<OrderLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            view ??= new OrderView(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetString(7), [], reader.GetDecimal(2),
                reader.IsDBNull(3) ? null : reader.GetString(3).Trim(),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Missing: null);
            if (!reader.IsDBNull(8))
            {
                items.Add(new OrderLine(reader.GetString(8), reader.GetString(9), reader.GetDecimal(10), reader.GetInt32(11), reader.GetDecimal(12),
                    reader.IsDBNull(13) ? null : reader.GetGuid(13)));
            }
        }

        return view is null ? null : view with { Items = items, Missing = MissingOf(view, items) };
    }

    /// <summary>The next thing to ask for, one at a time: items, then name, address and phone.</summary>
    public static string? MissingOf(OrderView order, IReadOnlyList<OrderLine> items) =>
        items.Count == 0 ? "items"
        : string.IsNullOrWhiteSpace(order.CustomerName) ? "customer_name"
        : string.IsNullOrWhiteSpace(order.ShippingAddress) ? "shipping_address"
        : string.IsNullOrWhiteSpace(order.Phone) ? "phone"
        : null;

    public static async Task<OrderView?> LoadAsync(AgentTurn turn, Action<NpgsqlBatch> commands, CancellationToken cancellationToken)
    {
        await using var batch = turn.Batch();
        commands(batch);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }
}
