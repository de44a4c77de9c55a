using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Messaging;
using AiSales.Core.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Api.Orders;

/// <summary>
/// PATCH /api/orders/{id} {status}: one transaction that locks the order, checks the transition
/// (<see cref="OrderTransitions"/>), moves the stock (<see cref="OrderStock"/>: confirming takes it, all or nothing;
/// cancelling gives back what a confirmed order holds, once), sets the status, and queues the merchant's template for a
/// confirmed or fulfilled order, if set (<see cref="OrderNotices"/>).
/// </summary>
public static class OrderStatusChange
{
    public static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid id, OrderStatusRequest request, ClaimsPrincipal user, NpgsqlDataSource db, IServiceProvider services,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var target = request.Status?.Trim().ToLowerInvariant();
        if (target is null || !OrdersApi.Statuses.Contains(target))
        {
            var errors = new FieldErrors();
            errors.Add("status", "must be draft, confirmed, cancelled or fulfilled.");
            return errors.ToProblem();
        }

        var merchantId = user.MerchantId();
        Guid? notice;
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The row lock makes the check and the change one step: two concurrent changes cannot both pass.
            var current = await LockAsync(connection, transaction, id, merchantId, cancellationToken);
            if (current is null)
            {
                return MerchantApiProblems.NotFound("order", id);
            }

            if (!OrderTransitions.AllowedFrom[target].Contains(current))
            {
                return MerchantApiProblems.Conflict(
                    $"An order cannot move from {current} to {target}. Allowed: draft→confirmed→fulfilled, draft|confirmed→cancelled.");
            }

            if (target == "confirmed")
            {
                var reservation = await OrderStock.ReserveAsync(transaction, id, cancellationToken);
                if (!reservation.Reserved)
                {
                    return NotEnoughStock(reservation.Shortages);
                }
            }
            else if (target == "cancelled")
            {
                await OrderStock.ReleaseAsync(transaction, id, cancellationToken);
            }

            await SetStatusAsync(connection, transaction, id, target, cancellationToken);
            // The merchant's template for this event, if set, commits with the change (docs/templates.md).
            notice = target is OrderTemplateSetting.Confirmed or OrderTemplateSetting.Fulfilled
                ? await OrderNotices.QueueAsync(transaction, id, target, cancellationToken)
                : null;
            await transaction.CommitAsync(cancellationToken);
        }

        if (notice is { } deliveryId)
        {
            // Best effort: without Redis the sender finds the delivery on its next poll.
            await RedisNudge.PublishAsync(services.GetService<IConnectionMultiplexer>(), OutboundQueue.NudgeChannel, deliveryId.ToString(),
                loggerFactory.CreateLogger(typeof(OrderStatusChange)), LogLevel.Warning);
        }

        return TypedResults.Ok((await OrdersApi.FindAsync(db, id, merchantId, cancellationToken))!);
    }

    /// <summary>409 naming every short product and how many are left; the order is unchanged.</summary>
    private static ProblemHttpResult NotEnoughStock(IReadOnlyList<StockShortage> shortages) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Not enough stock",
        detail: "The order cannot be confirmed: " + string.Join(" ", shortages.Select(s => s.Describe()))
            + " Nothing was changed; change the quantities or restock, then confirm again.",
        extensions: new Dictionary<string, object?>
        {
            ["shortages"] = shortages.Select(s => new { s.ProductId, s.Sku, s.Name, s.Requested, s.Available }).ToList(),
        });

    private static async Task<string?> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orders WHERE id = $1 AND merchant_id = $2 FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(merchantId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static async Task SetStatusAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string target, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE orders SET status = $2, updated_at = now(),
                confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() ELSE confirmed_at END,
                cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE cancelled_at END,
                fulfilled_at = CASE WHEN $2 = 'fulfilled' THEN now() ELSE fulfilled_at END
            WHERE id = $1
            """, connection, transaction);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(target);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
