namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>
/// The conversation's draft order (one per conversation) as one turn builds it: adding products and the customer's
/// details. Every statement is safe to run again (upserts, guarded updates), so a retried turn repeats nothing twice.
/// </summary>
public sealed class DraftOrders(AgentTurn turn)
{
    /// <summary>Order amounts are numeric(14, 3); a line holds at most MaxQuantity of one product.</summary>
    public const decimal MaxAmount = 99_999_999_999.999m;
    public const int MaxQuantity = 10_000;

    public Task<OrderView?> LoadDraftAsync(CancellationToken cancellationToken) =>
        OrderQueries.LoadAsync(turn, batch => OrderQueries.AddDraftCommands(batch, turn.ConversationId), cancellationToken);

    public async Task<OrderView> AddToOrderAsync(string product, int quantity, CancellationToken cancellationToken = default)
    {
        quantity = Math.Max(1, quantity);
        var draft = await LoadDraftAsync(cancellationToken) ?? OrderView.None;
        var found = await Products.FindAsync(turn, product, cancellationToken);
        if (found is null)
        {
            return draft.WithProblem("not_found", "That product is not in the catalogue.");
        }

        // One currency per order: the currency of the lines already in it (other than this product's).
        var orderCurrency = draft.Items.Any(i => i.ProductId != found.Id) ? draft.Currency : null;
        if (Products.Problem(found, quantity, orderCurrency) is { } problem)
        {
            return draft.WithProblem(problem.Code, problem.Text, found.Name, problem.Available);
        }

        var orderId = await EnsureDraftAsync(found.Currency, cancellationToken);
        await using (var upsert = turn.Command("""
            INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (order_id, product_id) WHERE product_id IS NOT NULL
            DO UPDATE SET quantity = excluded.quantity, unit_price = excluded.unit_price
            """, orderId, found.Id, found.Sku, found.Name, found.Price, quantity))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await RecalculateAsync(turn, orderId, cancellationToken);
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
            """, turn.ConversationId, Clip(customerName, 200), Clip(shippingAddress, 1000), Clip(phone, 32));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return OrderView.None.WithProblem("no_draft", "There is no draft order yet: add a product first.");
        }

        turn.Helped = true;
        return (await LoadDraftAsync(cancellationToken))!;
    }

    private async Task<Guid> EnsureDraftAsync(string currency, CancellationToken cancellationToken)
    {
        // The partial unique index (one draft per conversation) makes this safe against any concurrent writer.
        await using var command = turn.Command("""
            INSERT INTO orders (merchant_id, conversation_id, customer_id, status, currency, customer_phone)
            VALUES ($1, $2, $3, 'draft', $4, $5)
            ON CONFLICT (conversation_id) WHERE status = 'draft' AND conversation_id IS NOT NULL
            DO UPDATE SET updated_at = now(),
                currency = CASE WHEN NOT EXISTS (SELECT 1 FROM order_items WHERE order_id = orders.id) THEN excluded.currency ELSE orders.currency END
            RETURNING id
            """, turn.MerchantId, turn.ConversationId, turn.CustomerId, currency, turn.CustomerPhone);
        return (Guid)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The order's total from its lines (after any change to them).</summary>
    public static async Task RecalculateAsync(AgentTurn turn, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = turn.Command("""
            UPDATE orders SET total = coalesce((SELECT sum(line_total) FROM order_items WHERE order_id = $1), 0), updated_at = now()
            WHERE id = $1
            """, orderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Clip(string? text, int max) => text is null ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}
