using Npgsql;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>Products with stock and draft orders over them, seeded with SQL (the agent writes orders in production).</summary>
public static class OrderStockTestData
{
    public static async Task<Guid> SeedProductAsync(NpgsqlDataSource db, Guid merchant, string sku, string name, int stock)
    {
        await using var command = db.CreateCommand(
            "INSERT INTO products (merchant_id, sku, name, price, currency, stock) VALUES ($1, $2, $3, 10, 'SAR', $4) RETURNING id");
        command.Parameters.AddWithValue(merchant);
        command.Parameters.AddWithValue(sku);
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(stock);
        return (Guid)(await command.ExecuteScalarAsync(Timeout()))!;
    }

    /// <summary>A draft order with one line per product, in the order given.</summary>
    public static async Task<Guid> SeedDraftAsync(NpgsqlDataSource db, Guid merchant, params (Guid Product, int Quantity)[] lines)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var order = new NpgsqlCommand("""
            INSERT INTO orders (merchant_id, status, customer_name, customer_phone, shipping_address, currency)
            VALUES ($1, 'draft', 'Test Customer', '966500000000', 'Riyadh', 'SAR') RETURNING id
            """, connection);
        order.Parameters.AddWithValue(merchant);
        var id = (Guid)(await order.ExecuteScalarAsync(Timeout()))!;
        foreach (var (product, quantity) in lines)
        {
            await using var line = new NpgsqlCommand("""
                INSERT INTO order_items (order_id, product_id, sku, name, unit_price, quantity)
                SELECT $1, id, sku, name, price, $3 FROM products WHERE id = $2
                """, connection);
            line.Parameters.AddWithValue(id);
            line.Parameters.AddWithValue(product);
            line.Parameters.AddWithValue(quantity);
            await line.ExecuteNonQueryAsync(Timeout());
        }

        return id;
    }

    public static async Task<int> StockAsync(NpgsqlDataSource db, Guid product)
    {
        await using var command = db.CreateCommand("SELECT stock FROM products WHERE id = $1");
        command.Parameters.AddWithValue(product);
        return (int)(await command.ExecuteScalarAsync(Timeout()))!;
    }

    public static async Task<bool> ReservedAsync(NpgsqlDataSource db, Guid order)
    {
        await using var command = db.CreateCommand("SELECT stock_reserved FROM orders WHERE id = $1");
        command.Parameters.AddWithValue(order);
        return (bool)(await command.ExecuteScalarAsync(Timeout()))!;
    }

    public static async Task<long> CountAsync(NpgsqlDataSource db, string sql, List<Guid> ids)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(ids.ToArray());
        return (long)(await command.ExecuteScalarAsync(Timeout()))!;
    }
}
