using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Orders;

public sealed record OrderSummary(
    Guid Id, long Number, string Status, Guid? ConversationId, string? CustomerName, string? CustomerPhone,
    string? Currency, decimal Total, int ItemCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record OrderItemView(Guid Id, Guid? ProductId, string Sku, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

public sealed record OrderView(
    Guid Id, long Number, string Status, Guid? ConversationId, Guid? CustomerId, string? CustomerName, string? CustomerPhone,
    string? ShippingAddress, string? Notes, string? Currency, decimal Total, decimal ItemsTotal, int Quantity,
    IReadOnlyList<OrderItemView> Items, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? ConfirmedAt, DateTimeOffset? CancelledAt, DateTimeOffset? FulfilledAt)
{
    /// <summary>The statuses this order may move to now, so a client offers only those actions.</summary>
    public IReadOnlyList<string> NextStatuses => OrderTransitions.From(Status);
}

public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int Limit, int Offset, bool HasMore);

public sealed record OrderStatusRequest(string? Status);

/// <summary>The orders the agent took. Status moves draft → confirmed → fulfilled, or draft|confirmed → cancelled, and nowhere else.</summary>
public static class OrdersApi
{
    internal static readonly string[] Statuses = ["draft", "confirmed", "cancelled", "fulfilled"];

    public static RouteGroupBuilder MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapGet("/", ListAsync).WithSummary("Orders, newest first; filter by status.");
        orders.MapGet("/export.csv", OrdersExport.Export)
            .WithSummary("The orders as CSV (UTF-8 with BOM), one row per order line, newest first; filter by status. Streamed.");
        orders.MapGet("/{id:guid}", GetAsync).WithSummary("One order with its items and totals.");
        orders.MapPatch("/{id:guid}", OrderStatusChange.PatchAsync)
            .WithSummary("Change the status: draft→confirmed (takes the stock; 409 naming the short products) →fulfilled, "
                + "draft|confirmed→cancelled (gives a confirmed order's stock back); anything else is 409.");
        return api;
    }

    private static async Task<Results<Ok<OrderPage>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken, string? status = null, int limit = 20, int offset = 0)
    {
        var errors = new FieldErrors();
        if (status is not null && !Statuses.Contains(status))
        {
            errors.Add("status", "must be draft, confirmed, cancelled or fulfilled.");
        }

        if (limit is < 1 or > 100)
        {
            errors.Add("limit", "must be between 1 and 100.");
        }

        if (offset < 0)
        {
            errors.Add("offset", "must be zero or more.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var command = db.CreateCommand("""
            SELECT o.id, o.number, o.status, o.conversation_id, o.customer_name, o.customer_phone, o.currency, o.total,
                   (SELECT count(*)::int FROM order_items i WHERE i.order_id = o.id), o.created_at, o.updated_at
            FROM orders o
            WHERE o.merchant_id = $1 AND ($2::text IS NULL OR o.status = $2)
            ORDER BY o.created_at DESC, o.id DESC
            LIMIT $3 OFFSET $4
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)status ?? DBNull.Value });
        command.Parameters.AddWithValue(limit + 1);
        command.Parameters.AddWithValue(offset);
        var items = new List<OrderSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new OrderSummary(
                reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), NullableGuid(reader, 3), NullableString(reader, 4),
                NullableString(reader, 5), NullableString(reader, 6)?.Trim(), reader.GetDecimal(7), reader.GetInt32(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        var hasMore = items.Count > limit;
        return TypedResults.Ok(new OrderPage(items.Take(limit).ToList(), limit, offset, hasMore));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var order = await FindAsync(db, id, user.MerchantId(), cancellationToken);
        return order is null ? MerchantApiProblems.NotFound("order", id) : TypedResults.Ok(order);
    }

    internal static async Task<OrderView?> FindAsync(NpgsqlDataSource db, Guid id, Guid merchantId, CancellationToken cancellationToken)
    {
        await using var batch = db.CreateBatch();
        var order = new NpgsqlBatchCommand("""
            SELECT id, number, status, conversation_id, customer_id, customer_name, customer_phone, shipping_address, notes,
                   currency, total, created_at, updated_at, confirmed_at, cancelled_at, fulfilled_at
            FROM orders WHERE id = $1 AND merchant_id = $2
            """);
        order.Parameters.AddWithValue(id);
        order.Parameters.AddWithValue(merchantId);
        var items = new NpgsqlBatchCommand("""
            SELECT i.id, i.product_id, i.sku, i.name, i.unit_price, i.quantity, i.line_total
            FROM order_items i JOIN orders o ON o.id = i.order_id
            WHERE i.order_id = $1 AND o.merchant_id = $2
            ORDER BY i.name, i.id
            """);
        items.Parameters.AddWithValue(id);
        items.Parameters.AddWithValue(merchantId);
        batch.BatchCommands.Add(order);
        batch.BatchCommands.Add(items);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var head = (
            Id: reader.GetGuid(0), Number: reader.GetInt64(1), Status: reader.GetString(2), ConversationId: NullableGuid(reader, 3),
            CustomerId: NullableGuid(reader, 4), CustomerName: NullableString(reader, 5), CustomerPhone: NullableString(reader, 6),
            ShippingAddress: NullableString(reader, 7), Notes: NullableString(reader, 8), Currency: NullableString(reader, 9)?.Trim(),
            Total: reader.GetDecimal(10), CreatedAt: reader.GetFieldValue<DateTimeOffset>(11), UpdatedAt: reader.GetFieldValue<DateTimeOffset>(12),
            ConfirmedAt: NullableTime(reader, 13), CancelledAt: NullableTime(reader, 14), FulfilledAt: NullableTime(reader, 15));

        await reader.NextResultAsync(cancellationToken);
        var lines = new List<OrderItemView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new OrderItemView(
                reader.GetGuid(0), NullableGuid(reader, 1), reader.GetString(2), reader.GetString(3),
                reader.GetDecimal(4), reader.GetInt32(5), reader.GetDecimal(6)));
        }

        return new OrderView(
            head.Id, head.Number, head.Status, head.ConversationId, head.CustomerId, head.CustomerName, head.CustomerPhone,
            head.ShippingAddress, head.Notes, head.Currency, head.Total, lines.Sum(l => l.LineTotal), lines.Sum(l => l.Quantity),
            lines, head.CreatedAt, head.UpdatedAt, head.ConfirmedAt, head.CancelledAt, head.FulfilledAt);
    }

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static Guid? NullableGuid(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
