using Npgsql;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>How an order is read for a turn: the order row and its lines, two results of one round trip.</summary>
public static class OrderQueries
{
    /// <summary>The conversation's draft and its lines (also part of the turn's first read).</summary>
    public static void AddDraftCommands(NpgsqlBatch batch, Guid conversationId) =>
        AddCommands(batch, "conversation_id = $1 AND status = 'draft'", conversationId);

    /// <summary>One order of the conversation by id.</summary>
    public static void AddOrderCommands(NpgsqlBatch batch, Guid orderId) => AddCommands(batch, "id = $1", orderId);

    private static void AddCommands(NpgsqlBatch batch, string where, Guid key)
    {
        var order = new NpgsqlBatchCommand($"""
            SELECT id, number, total, currency, customer_name, shipping_address, customer_phone, status
            FROM orders WHERE {where}
            """);
        order.Parameters.AddWithValue(key);
        var lines = new NpgsqlBatchCommand($"""
            SELECT i.sku, i.name, i.unit_price, i.quantity, i.line_total, i.product_id
            FROM order_items i
            WHERE i.order_id = (SELECT id FROM orders WHERE {where})
            ORDER BY i.name
            """);
        lines.Parameters.AddWithValue(key);
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(lines);
    }

    /// <summary>Reads the two results of the commands above; the reader is positioned on the first.</summary>
    public static async Task<OrderView?> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        OrderView? view = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            view = new OrderView(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetString(7), [], reader.GetDecimal(2),
                reader.IsDBNull(3) ? null : reader.GetString(3).Trim(),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Missing: null);
        }

        await reader.NextResultAsync(cancellationToken);
        var items = new List<OrderLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OrderLine(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt32(3), reader.GetDecimal(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5)));
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
