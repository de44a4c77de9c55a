namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>Changes to lines already in the draft (a quantity, a removal), and reading the conversation's latest order.</summary>
public sealed class OrderChanges(AgentTurn turn)
{
    /// <summary>The draft in progress, or else the conversation's most recent confirmed (or fulfilled) order.</summary>
    public async Task<OrderView?> LatestAsync(CancellationToken cancellationToken)
    {
        var draft = await new DraftOrders(turn).LoadDraftAsync(cancellationToken);
        if (draft is not null)
        {
            return draft;
        }

        await using var find = turn.Command("""
            SELECT id FROM orders WHERE conversation_id = $1 AND status IN ('confirmed', 'fulfilled')
            ORDER BY confirmed_at DESC NULLS LAST, created_at DESC LIMIT 1
            """, turn.ConversationId);
        return await find.ExecuteScalarAsync(cancellationToken) is Guid id
            ? await OrderQueries.LoadAsync(turn, batch => OrderQueries.AddOrderCommands(batch, id), cancellationToken)
            : null;
    }

    public async Task<OrderView> UpdateQuantityAsync(string product, int quantity, CancellationToken cancellationToken)
    {
        var drafts = new DraftOrders(turn);
        var draft = await drafts.LoadDraftAsync(cancellationToken);
        if (draft is null)
        {
            return OrderView.None.WithProblem("no_draft", "There is no draft order.");
        }

        if (Line(draft, product) is not { ProductId: { } productId } line)
        {
            return draft.WithProblem("not_in_order", "That product is not in the order.");
        }

        if (quantity < 1)
        {
            return await RemoveAsync(product, cancellationToken);
        }

        var found = await Products.FindAsync(turn, productId.ToString(), cancellationToken);
        if (found is null)
        {
            return draft.WithProblem("not_found", "That product is no longer in the catalogue.", line.Name);
        }

        if (Products.Problem(found, quantity, orderCurrency: null) is { } problem)
        {
            return draft.WithProblem(problem.Code, problem.Text, found.Name, problem.Available);
        }

        await using (var update = turn.Command("""
            UPDATE order_items SET quantity = $3, unit_price = $4 WHERE order_id = $1 AND product_id = $2
            """, draft.OrderId, productId, quantity, found.Price))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await DraftOrders.RecalculateAsync(turn, draft.OrderId, cancellationToken);
        turn.Helped = true;
        return (await drafts.LoadDraftAsync(cancellationToken))!;
    }

    public async Task<OrderView> RemoveAsync(string product, CancellationToken cancellationToken)
    {
        var drafts = new DraftOrders(turn);
        var draft = await drafts.LoadDraftAsync(cancellationToken);
        if (draft is null)
        {
            return OrderView.None.WithProblem("no_draft", "There is no draft order.");
        }

        if (Line(draft, product) is not { } line)
        {
            return draft.WithProblem("not_in_order", "That product is not in the order.");
        }

        await using (var delete = turn.Command("DELETE FROM order_items WHERE order_id = $1 AND sku = $2", draft.OrderId, line.Sku))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await DraftOrders.RecalculateAsync(turn, draft.OrderId, cancellationToken);
        turn.Helped = true;
        return (await drafts.LoadDraftAsync(cancellationToken))!;
    }

    private static OrderLine? Line(OrderView order, string product)
    {
        var key = product.Trim();
        return order.Items.FirstOrDefault(i => string.Equals(i.Sku, key, StringComparison.OrdinalIgnoreCase) || i.ProductId?.ToString() == key);
    }
}
