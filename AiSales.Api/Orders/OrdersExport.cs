using System.Globalization;
using System.Security.Claims;
using AiSales.Api.Security;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Orders;

/// <summary>
/// GET /api/orders/export.csv: one row per order line (an order without lines is one row with empty line cells), newest
/// order first, streamed from the database reader to the response so a large shop's export never sits in memory.
/// UTF-8 with a BOM so Excel shows Arabic; a cell starting with = + - @ (or a tab / carriage return) gets a leading
/// apostrophe, so a customer's name cannot become a spreadsheet formula.
/// </summary>
public static class OrdersExport
{
    public static readonly string[] Header =
    [
        "order_number", "order_id", "status", "created_at", "customer_name", "customer_phone", "shipping_address",
        "currency", "order_total", "sku", "product_name", "unit_price", "quantity", "line_total",
    ];

    private static readonly CsvWriterOptions Csv = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static Results<PushStreamHttpResult, ValidationProblem> Export(
        ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider time, HttpContext http, string? status = null)
    {
        if (status is not null && !OrdersApi.Statuses.Contains(status))
        {
            var errors = new FieldErrors();
            errors.Add("status", "must be draft, confirmed, cancelled or fulfilled.");
            return errors.ToProblem();
        }

        var merchantId = user.MerchantId();
        var fileName = $"orders-{status ?? "all"}-{time.GetUtcNow():yyyyMMdd}.csv";
        return TypedResults.Stream(body => WriteAsync(body, db, merchantId, status, http.RequestAborted), "text/csv; charset=utf-8", fileName);
    }

    private static async Task WriteAsync(Stream body, NpgsqlDataSource db, Guid merchantId, string? status, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT o.number, o.id, o.status, o.created_at, o.customer_name, o.customer_phone, o.shipping_address,
                   o.currency, o.total, i.sku, i.name, i.unit_price, i.quantity, i.line_total
            FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
            WHERE o.merchant_id = $1 AND ($2::text IS NULL OR o.status = $2)
            ORDER BY o.created_at DESC, o.id DESC, i.name, i.id
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)status ?? DBNull.Value });

        await using var csv = CsvWriter.Create(body, Csv, leaveOpen: true);
        csv.WriteHeader(Header);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                csv.WriteField(Cell(reader, i));
            }

            await csv.EndRecordAsync(cancellationToken);
        }
    }

    private static string Cell(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
    {
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.###", CultureInfo.InvariantCulture),
        string s => s.Trim(),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };
}
