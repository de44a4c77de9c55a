using Npgsql;

namespace AiSales.Core.Orders;

/// <summary>
/// Stock held by confirmed orders (contract §6: confirming reserves the stock atomically, so two customers can never
/// both confirm the last unit; cancelling a confirmed order gives it back). Both helpers run inside the caller's
/// transaction, next to the caller's own status change, and commit or roll back with it.
/// <para>
/// The mark <c>orders.stock_reserved</c> says whether an order holds stock: <see cref="ReserveAsync"/> sets it as it
/// takes the stock, <see cref="ReleaseAsync"/> clears it as it gives the stock back. So taking twice, giving back
/// twice, or giving back what an order never took (a draft; an order confirmed before reservations existed) changes
/// nothing. Products are locked in id order first, so two orders sharing products never deadlock.
/// </para>
/// </summary>
public static class OrderStock
{
    private const string Savepoint = "order_stock_reserve";

    /// <summary>
    /// Takes every line's quantity from its product's stock, all or nothing, with conditional updates
    /// (<c>stock = stock - q WHERE stock &gt;= q</c>). When a line is short, nothing changes (a savepoint is rolled
    /// back) and the result names each short product and how many are left. The order row is locked until the
    /// caller's transaction ends. A line whose product is no longer in the catalogue (<c>product_id</c> null) has no
    /// stock to take and is skipped. Call it before setting the status to confirmed; throws when there is no such order.
    /// </summary>
    public static async Task<StockReservation> ReserveAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken = default)
    {
        var connection = Connection(transaction);
        await transaction.SaveAsync(Savepoint, cancellationToken);
        await using (var mark = Command(connection, transaction, """
            UPDATE orders SET stock_reserved = true WHERE id = $1 AND NOT stock_reserved RETURNING id
            """, orderId))
        {
            if (await mark.ExecuteScalarAsync(cancellationToken) is null)
            {
                await transaction.RollbackAsync(Savepoint, cancellationToken);
                return await IsReservedAsync(connection, transaction, orderId, cancellationToken)
                    ? StockReservation.Held
                    : throw new InvalidOperationException($"There is no order {orderId}.");
            }
        }

        await LockProductsAsync(connection, transaction, orderId, cancellationToken);
        // Take what each line needs where enough is left; in the same statement, list the lines that did not move (short).
        // Their rows are locked above, so the stock they show is current.
        var shortages = new List<StockShortage>();
        await using (var check = Command(connection, transaction, """
            WITH taken AS (
                UPDATE products p SET stock = p.stock - line.quantity, updated_at = now()
                FROM order_items line JOIN orders o ON o.id = line.order_id
                WHERE line.order_id = $1 AND p.id = line.product_id AND p.merchant_id = o.merchant_id AND p.stock >= line.quantity
                RETURNING p.id
            )
            SELECT p.id, line.sku, line.name, line.quantity, p.stock
            FROM order_items line JOIN orders o ON o.id = line.order_id
            JOIN products p ON p.id = line.product_id AND p.merchant_id = o.merchant_id
            WHERE line.order_id = $1 AND p.id NOT IN (SELECT id FROM taken)
            ORDER BY line.name, line.id
            """, orderId))
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                shortages.Add(new StockShortage(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt32(4)));
            }
        }

        if (shortages.Count > 0)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken);
            return StockReservation.Short(shortages);
        }

        await transaction.ReleaseAsync(Savepoint, cancellationToken);
        return StockReservation.Taken;
    }

    /// <summary>
    /// Gives back the stock the order holds (when it holds any) and clears its mark; returns whether stock was given
    /// back. Safe to call for any cancellation: a second call, or an order that never took stock, changes nothing.
    /// </summary>
    public static async Task<bool> ReleaseAsync(NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken = default)
    {
        var connection = Connection(transaction);
        await using (var unmark = Command(connection, transaction, """
            UPDATE orders SET stock_reserved = false WHERE id = $1 AND stock_reserved RETURNING id
            """, orderId))
        {
            if (await unmark.ExecuteScalarAsync(cancellationToken) is null)
            {
                return false;
            }
        }

        await LockProductsAsync(connection, transaction, orderId, cancellationToken);
        await using var giveBack = Command(connection, transaction, """
            UPDATE products p SET stock = p.stock + line.quantity, updated_at = now()
            FROM order_items line JOIN orders o ON o.id = line.order_id
            WHERE line.order_id = $1 AND p.id = line.product_id AND p.merchant_id = o.merchant_id
            """, orderId);
        await giveBack.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static async Task<bool> IsReservedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT stock_reserved FROM orders WHERE id = $1", orderId);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    // Row locks taken in one order (product id) by every caller: two orders sharing products wait, never deadlock.
    private static async Task LockProductsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, """
            SELECT p.id FROM products p JOIN order_items line ON line.product_id = p.id
            WHERE line.order_id = $1 ORDER BY p.id FOR UPDATE OF p
            """, orderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlConnection Connection(NpgsqlTransaction transaction) =>
        transaction.Connection ?? throw new InvalidOperationException("The transaction has already ended.");

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid orderId) =>
        new(sql, connection, transaction) { Parameters = { new() { Value = orderId } } };
}
