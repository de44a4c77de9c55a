using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Products;

public sealed record ImportRejection(int Row, string? Sku, string Reason);

/// <summary>Rows are numbered from 1: the first element of a JSON array, or the first data line after a CSV header.</summary>
public sealed record ImportReport(int Rows, int Created, int Updated, int Rejected, IReadOnlyList<ImportRejection> Rejections);

/// <summary>
/// Bulk upsert by sku from a JSON array or a CSV file. Every row is validated by the same rules as the
/// CRUD routes; valid rows are written in batches (one transaction and one INSERT … SELECT unnest(…) ON
/// CONFLICT statement per batch), so 10,000 rows take a few round trips instead of 10,000.
/// </summary>
public static class ProductImport
{
    public const int BatchSize = 1000;

    /// <summary>Rows per import (issue 13: an import must never crowd out webhooks); a larger file is refused whole.</summary>
    public const int MaxRows = 50_000;

    // Kestrel's default request body limit; 50,000 rows fit well within it.
    private const long MaxBodyBytes = 30L * 1024 * 1024;

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
                detail: $"An import is limited to {MaxBodyBytes / 1024 / 1024} MiB; split the file.");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var rows = mediaType switch
        {
            "application/json" => ProductImportReader.ReadJsonAsync(request.Body, cancellationToken),
            "text/csv" or "application/csv" => ProductImportReader.ReadCsvAsync(request.Body, cancellationToken),
            _ => null,
        };
        if (rows is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The import cannot be read",
                detail: $"Send the products as application/json (an array) or text/csv, not '{request.ContentType}'.");
        }

        var checkedRows = new ImportValidation();
        try
        {
            await foreach (var row in rows)
            {
                if (checkedRows.Rows == MaxRows)
                {
                    // Nothing is written yet: the whole import is refused, and the rest of the body is never read.
                    return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many rows",
                        detail: $"An import is limited to {MaxRows} rows; split the file.");
                }

                checkedRows.Add(row);
            }
        }
        catch (ImportFormatException e)
        {
            return TypedResults.Problem(statusCode: e.StatusCode, title: "The import cannot be read", detail: e.Message);
        }

        var (rejections, valid) = (checkedRows.Rejections, checkedRows.Valid);
        var (created, updated) = await UpsertAsync(db, user.MerchantId(), valid, cancellationToken);
        return TypedResults.Ok(new ImportReport(checkedRows.Rows, created, updated, rejections.Count, rejections.OrderBy(r => r.Row).ToList()));
    }

    public static async Task<(int Created, int Updated)> UpsertAsync(
        NpgsqlDataSource db, Guid merchantId, IReadOnlyList<ValidProduct> products, CancellationToken cancellationToken)
    {
        var created = 0;
        var updated = 0;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        foreach (var batch in products.Chunk(BatchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                INSERT INTO products (merchant_id, sku, name, description, price, currency, stock, active)
                SELECT $1, r.sku, r.name, r.description, r.price, r.currency, r.stock, r.active
                FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::int[], $8::bool[])
                     AS r(sku, name, description, price, currency, stock, active)
                ON CONFLICT (merchant_id, sku) DO UPDATE SET
                    name = excluded.name, description = excluded.description, price = excluded.price,
                    currency = excluded.currency, stock = excluded.stock, active = excluded.active, updated_at = now()
                RETURNING (xmax = 0)
                """, connection, transaction);
            command.Parameters.AddWithValue(merchantId);
            command.Parameters.AddWithValue(batch.Select(p => p.Sku).ToArray());
            command.Parameters.AddWithValue(batch.Select(p => p.Name).ToArray());
            command.Parameters.AddWithValue(batch.Select(p => p.Description).ToArray());
            command.Parameters.AddWithValue(batch.Select(p => p.Price).ToArray());
            command.Parameters.AddWithValue(batch.Select(p => p.Currency).ToArray());
            command.Parameters.AddWithValue(batch.Select(p => p.Stock).ToArray());
            command.Parameters.AddWithValue(batch.Select(p => p.Active).ToArray());
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    // xmax = 0 on a freshly inserted row; an updated row carries the updating transaction's id.
                    if (reader.GetBoolean(0)) created++; else updated++;
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return (created, updated);
    }
}
