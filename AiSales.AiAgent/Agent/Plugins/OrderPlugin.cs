using System.ComponentModel;
using Microsoft.SemanticKernel;
using Npgsql;

namespace AiSales.AiAgent.Agent.Plugins;

public sealed record OrderLine(string Sku, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

/// <summary>The conversation's order as the customer sees it; Missing names the next detail to ask for, one at a time.</summary>
public sealed record OrderView(
    Guid OrderId, long Number, string Status, IReadOnlyList<OrderLine> Items, decimal Total, string? Currency,
    string? CustomerName, string? ShippingAddress, string? Phone, string? Missing, string? Problem = null);

/// <summary>Draft orders taken in conversation (one draft per conversation), then confirmed.</summary>
public sealed class OrderPlugin
{
    [KernelFunction("get_draft_order")]
    [Description("Gets the customer's current draft order in this conversation, if any, and which detail is still missing (items, customer_name, shipping_address or phone).")]
    public Task<OrderView?> GetDraftOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).LoadDraftAsync(cancellationToken);

    [KernelFunction("add_to_order")]
    [Description("Adds a product to the customer's draft order (creating the draft), or changes its quantity. Only for products returned by search_products.")]
    public Task<OrderView> AddToOrderAsync(
        Kernel kernel,
        [Description("The product id (uuid) or SKU from search_products")] string product,
        [Description("How many the customer wants, at least 1")] int quantity,
        CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).AddToOrderAsync(product, quantity, cancellationToken);

    [KernelFunction("set_order_details")]
    [Description("Records the customer's name, shipping address and/or phone on the draft order. Pass only what the customer gave.")]
    public Task<OrderView> SetOrderDetailsAsync(
        Kernel kernel,
        [Description("The customer's full name, or empty")] string? customerName = null,
        [Description("The shipping address, or empty")] string? shippingAddress = null,
        [Description("A phone number to reach the customer, or empty")] string? phone = null,
        CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).SetOrderDetailsAsync(customerName, shippingAddress, phone, cancellationToken);

    [KernelFunction("confirm_order")]
    [Description("Confirms the draft order once it has items, the customer's name and address (and phone on Instagram), after the customer agreed. Returns the order number and total.")]
    public Task<OrderView> ConfirmOrderAsync(Kernel kernel, CancellationToken cancellationToken = default) =>
        new DraftOrders(AgentTurn.Of(kernel)).ConfirmOrderAsync(cancellationToken);
}

/// <summary>One turn's view of the conversation's draft order (one draft per conversation): the SQL behind OrderPlugin.</summary>
public sealed class DraftOrders(AgentTurn turn)
{
    /// <summary>Order amounts are numeric(14, 3).</summary>
    public const decimal MaxAmount = 99_999_999_999.999m;

    public const int MaxQuantity = 10_000;

    public async Task<OrderView> AddToOrderAsync(
        string product,
        int quantity,
        CancellationToken cancellationToken = default)
    {
        quantity = Math.Max(1, quantity);
        if (quantity > MaxQuantity)
        {
            return await WithProblemAsync($"At most {MaxQuantity} of one product per order.", cancellationToken);
        }

        await using var find = turn.Command("""
            SELECT id, sku, name, price, currency, stock FROM products
            WHERE merchant_id = $1 AND active AND (id::text = $2 OR sku = $2)
            """, turn.MerchantId, product.Trim());
        Guid productId; string sku, name, currency; decimal price; int stock;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return await WithProblemAsync("That product is not in the catalogue.", cancellationToken);
            }

            (productId, sku, name, price, currency, stock) =
                (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetString(4).Trim(), reader.GetInt32(5));
        }

        if (stock < quantity)
        {
            return await WithProblemAsync(stock == 0 ? $"{name} is out of stock." : $"Only {stock} of {name} in stock.", cancellationToken);
        }

        if (price * quantity > MaxAmount)
        {
            // Validated here so the common case never reaches the column's limit as a database error.
            return await WithProblemAsync($"That many of {name} is more than one order can hold.", cancellationToken);
        }

        var orderId = await EnsureDraftAsync(currency, cancellationToken);
        await using (var upsert = turn.Command("""
            INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (order_id, product_id) WHERE product_id IS NOT NULL
            DO UPDATE SET quantity = excluded.quantity, unit_price = excluded.unit_price
            """, orderId, productId, sku, name, price, quantity))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await RecalculateAsync(orderId, cancellationToken);
        turn.Helped = true;
        return (await LoadDraftAsync(cancellationToken))!;
    }

    public async Task<OrderView> SetOrderDetailsAsync(
        string? customerName = null,
        string? shippingAddress = null,
        string? phone = null,
        CancellationToken cancellationToken = default)
    {
        await using var command = turn.Command("""
            UPDATE orders
            SET customer_name = coalesce(nullif(trim($2), ''), customer_name),
                shipping_address = coalesce(nullif(trim($3), ''), shipping_address),
                customer_phone = coalesce(nullif(trim($4), ''), customer_phone),
                updated_at = now()
            WHERE conversation_id = $1 AND status = 'draft'
            """, turn.ConversationId, customerName, shippingAddress, phone);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return Empty("There is no draft order yet: add a product first.");
        }

        turn.Helped = true;
        return (await LoadDraftAsync(cancellationToken))!;
    }

    public async Task<OrderView> ConfirmOrderAsync(CancellationToken cancellationToken = default)
    {
        var draft = await LoadDraftAsync(cancellationToken);
        if (draft is null)
        {
            return Empty("There is no draft order to confirm.");
        }

        if (draft.Missing is not null)
        {
            return draft with { Problem = $"Cannot confirm yet: {draft.Missing} is missing." };
        }

        // Stock is checked when items are added, not reserved: the merchant fulfils (docs/agent.md).
        await using var command = turn.Command("""
            UPDATE orders SET status = 'confirmed', confirmed_at = now(), updated_at = now()
            WHERE id = $1 AND status = 'draft'
            """, draft.OrderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
        turn.Helped = true;
        return draft with { Status = "confirmed", Missing = null };
    }

    private async Task<Guid> EnsureDraftAsync(string currency, CancellationToken cancellationToken)
    {
        // The partial unique index (one draft per conversation) makes this safe against any concurrent writer.
        await using var command = turn.Command("""
            INSERT INTO orders (merchant_id, conversation_id, customer_id, status, currency, customer_phone)
            VALUES ($1, $2, $3, 'draft', $4, $5)
            ON CONFLICT (conversation_id) WHERE status = 'draft' AND conversation_id IS NOT NULL
            DO UPDATE SET updated_at = now()
            RETURNING id
            """, turn.MerchantId, turn.ConversationId, turn.CustomerId, currency, turn.CustomerPhone);
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task RecalculateAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = turn.Command("""
            UPDATE orders SET total = coalesce((SELECT sum(line_total) FROM order_items WHERE order_id = $1), 0), updated_at = now()
            WHERE id = $1
            """, orderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<OrderView> WithProblemAsync(string problem, CancellationToken cancellationToken) =>
        (await LoadDraftAsync(cancellationToken) ?? Empty(null)) with { Problem = problem };

    private static OrderView Empty(string? problem) =>
        new(Guid.Empty, 0, "none", [], 0, null, null, null, null, "items", problem);

    public async Task<OrderView?> LoadDraftAsync(CancellationToken cancellationToken)
    {
        await using var batch = turn.Batch();
        AddLoadCommands(batch, turn.ConversationId);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    /// <summary>The draft and its lines, two results of one round trip (also part of the turn's first read).</summary>
    public static void AddLoadCommands(NpgsqlBatch batch, Guid conversationId)
    {
        var order = new NpgsqlBatchCommand("""
            SELECT id, number, total, currency, customer_name, shipping_address, customer_phone
            FROM orders WHERE conversation_id = $1 AND status = 'draft'
            """);
        order.Parameters.AddWithValue(conversationId);
        var lines = new NpgsqlBatchCommand("""
            SELECT i.sku, i.name, i.unit_price, i.quantity, i.line_total
            FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE o.conversation_id = $1 AND o.status = 'draft'
            ORDER BY i.name
            """);
        lines.Parameters.AddWithValue(conversationId);
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(lines);
    }

    /// <summary>Reads the two results of <see cref="AddLoadCommands"/>; the reader is positioned on the first.</summary>
    public static async Task<OrderView?> ReadAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        OrderView? view = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            view = new OrderView(
                reader.GetGuid(0), reader.GetInt64(1), "draft", [], reader.GetDecimal(2),
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
            items.Add(new OrderLine(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetInt32(3), reader.GetDecimal(4)));
        }

        if (view is null)
        {
            return null;
        }

        var missing = items.Count == 0 ? "items"
            : string.IsNullOrWhiteSpace(view.CustomerName) ? "customer_name"
            : string.IsNullOrWhiteSpace(view.ShippingAddress) ? "shipping_address"
            : string.IsNullOrWhiteSpace(view.Phone) ? "phone"
            : null;
        return view with { Items = items, Missing = missing };
    }
}
