using Npgsql;

namespace AiSales.Api.Products;

/// <summary>
/// The import's writes: valid rows upserted by sku in batches (one transaction per batch: the batch's stored
/// products read and locked, then one INSERT … SELECT unnest(…) ON CONFLICT statement), so 10,000 rows take a few
/// round trips instead of 10,000. A dry run reads the same stored products and writes nothing.
/// </summary>
public static class ProductImportStore
{
    public const int BatchSize = 1000;

    public static async Task WriteAsync(
        NpgsqlDataSource db, Guid merchantId, IReadOnlyList<ValidRow> rows, ImportChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stored = await ReadStoredAsync(connection, transaction, merchantId, batch, forUpdate: true, cancellationToken);
            var bySku = batch.ToDictionary(r => r.Product.Sku, StringComparer.Ordinal);
            await using (var command = UpsertCommand(connection, transaction, merchantId, batch))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    // xmax = 0 on a freshly inserted row; an updated row carries the updating transaction's id.
                    var sku = reader.GetString(0);
                    changes.Add(bySku[sku], stored.GetValueOrDefault(sku), created: reader.GetBoolean(1));
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task PreviewAsync(
        NpgsqlDataSource db, Guid merchantId, IReadOnlyList<ValidRow> rows, ImportChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            var stored = await ReadStoredAsync(connection, null, merchantId, batch, forUpdate: false, cancellationToken);
            foreach (var row in batch)
            {
                var before = stored.GetValueOrDefault(row.Product.Sku);
                changes.Add(row, before, created: before is null);
            }
        }
    }

    private static async Task<Dictionary<string, ProductFields>> ReadStoredAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid merchantId, ValidRow[] batch, bool forUpdate,
        CancellationToken cancellationToken)
    {
        // FOR UPDATE holds the values read until the batch's upsert replaces them.
        await using var command = new NpgsqlCommand(
            "SELECT sku, name, description, price, currency, stock, active FROM products WHERE merchant_id = $1 AND sku = ANY($2)"
            + (forUpdate ? " FOR UPDATE" : ""), connection, transaction);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(batch.Select(r => r.Product.Sku).ToArray());
        var stored = new Dictionary<string, ProductFields>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = new ProductFields(
                reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetString(4), reader.GetInt32(5), reader.GetBoolean(6));
        }

        return stored;
    }

    private static NpgsqlCommand UpsertCommand(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid merchantId, ValidRow[] batch)
    {
        var command = new NpgsqlCommand("""
            INSERT INTO products (merchant_id, sku, name, description, price, currency, stock, active)
            SELECT $1, r.sku, r.name, r.description, r.price, r.currency, r.stock, r.active
            FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::int[], $8::bool[])
                 AS r(sku, name, description, price, currency, stock, active)
            ON CONFLICT (merchant_id, sku) DO UPDATE SET
                name = excluded.name, description = excluded.description, price = excluded.price,
                currency = excluded.currency, stock = excluded.stock, active = excluded.active, updated_at = now()
            RETURNING sku, (xmax = 0)
            """, connection, transaction);
        var products = batch.Select(r => r.Product).ToArray();
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(products.Select(p => p.Sku).ToArray());
        command.Parameters.AddWithValue(products.Select(p => p.Name).ToArray());
        command.Parameters.AddWithValue(products.Select(p => p.Description).ToArray());
        command.Parameters.AddWithValue(products.Select(p => p.Price).ToArray());
        command.Parameters.AddWithValue(products.Select(p => p.Currency).ToArray());
        command.Parameters.AddWithValue(products.Select(p => p.Stock).ToArray());
        command.Parameters.AddWithValue(products.Select(p => p.Active).ToArray());
        return command;
    }
}
