using AiSales.Core.Orders;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>
/// Confirming and cancelling in conversation. Confirming reserves the stock of every line atomically with the status
/// change (one short transaction; two customers can never both confirm the last unit); cancelling a confirmed order
/// gives its stock back, once. A confirmation queues the merchant's order template, if set (<see cref="OrderNotices"/>).
/// </summary>
public sealed class OrderConfirmation(AgentTurn turn)
{
    public async Task<OrderView> ConfirmAsync(CancellationToken cancellationToken)
    {
        var drafts = new DraftOrders(turn);
        var draft = await drafts.LoadDraftAsync(cancellationToken);
        if (draft is null)
        {
            return OrderView.None.WithProblem("no_draft", "There is no draft order to confirm.");
        }

        if (draft.Missing is not null)
        {
            return draft.WithProblem("missing_detail", $"Cannot confirm yet: {draft.Missing} is missing.");
        }

        await using var connection = await turn.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var reservation = await OrderStock.ReserveAsync(transaction, draft.OrderId, cancellationToken);
        if (reservation.Shortages is [var shortage, ..])
        {
            await transaction.RollbackAsync(cancellationToken);
            return draft.WithProblem(shortage.Available == 0 ? "out_of_stock" : "not_enough_stock",
                $"Only {shortage.Available} of {shortage.Name} left in stock.", shortage.Name, shortage.Available);
        }

        await using (var confirm = connection.CreateCommand())
        {
            confirm.Transaction = transaction;
            confirm.CommandText = "UPDATE orders SET status = 'confirmed', confirmed_at = now(), updated_at = now() WHERE id = $1 AND status = 'draft'";
            confirm.Parameters.AddWithValue(draft.OrderId);
            if (await confirm.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // No longer a draft (the merchant changed it meanwhile): take no stock for it.
                await transaction.RollbackAsync(cancellationToken);
                return draft.WithProblem("no_draft", "The order is no longer a draft.");
            }
        }

        // The merchant's "order confirmed" template, if set, commits with the confirmation (docs/templates.md).
        await OrderNotices.QueueAsync(transaction, draft.OrderId, OrderTemplateSetting.Confirmed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        turn.Helped = true;
        return draft with { Status = "confirmed", Missing = null };
    }

    public async Task<OrderView> CancelAsync(CancellationToken cancellationToken)
    {
        var order = await new OrderChanges(turn).LatestAsync(cancellationToken);
        if (order is null)
        {
            return OrderView.None.WithProblem("no_draft", "There is no order to cancel.");
        }

        await using var connection = await turn.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var cancel = connection.CreateCommand())
        {
            cancel.Transaction = transaction;
            // Locked, so a concurrent cancel or PATCH sees this one's result; the stock goes back once (OrderStock's mark).
            cancel.CommandText = """
                UPDATE orders o SET status = 'cancelled', cancelled_at = now(), updated_at = now()
                FROM (SELECT id, status FROM orders WHERE id = $1 FOR UPDATE) old
                WHERE o.id = old.id AND old.status IN ('draft', 'confirmed')
                RETURNING old.status
                """;
            cancel.Parameters.AddWithValue(order.OrderId);
            if (await cancel.ExecuteScalarAsync(cancellationToken) is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return order.WithProblem("not_cancellable", $"The order is {order.Status} and can no longer be cancelled here.");
            }

            await OrderStock.ReleaseAsync(transaction, order.OrderId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        turn.Helped = true;
        return order with { Status = "cancelled", Missing = null };
    }
}
