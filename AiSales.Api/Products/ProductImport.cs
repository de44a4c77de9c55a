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
    // Kestrel's default request body limit; 100,000 rows fit well within it.
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
        List<ImportRow> rows;
        try
        {
            rows = mediaType switch
            {
                "application/json" => await ProductImportReader.ReadJsonAsync(request.Body, cancellationToken),
                "text/csv" or "application/csv" => await ProductImportReader.ReadCsvAsync(request.Body, cancellationToken),
                _ => throw new ImportFormatException(StatusCodes.Status415UnsupportedMediaType,
                    $"Send the products as application/json (an array) or text/csv, not '{request.ContentType}'."),
            };
        }
        catch (ImportFormatException e)
        {
            return TypedResults.Problem(statusCode: e.StatusCode, title: "The import cannot be read", detail: e.Message);
        }

        var rejections = new List<ImportRejection>();
        var valid = new List<(int Row, ValidProduct Product)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ParseError is not null)
            {
                rejections.Add(new ImportRejection(row.Row, Blank(row.Request.Sku), row.ParseError));
                continue;
            }

            var errors = new FieldErrors();
            if (ProductRules.Validate(row.Request, errors) is not { } product)
            {
                var reason = string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(" ", e.Value)}"));
                rejections.Add(new ImportRejection(row.Row, Blank(row.Request.Sku), reason));
            }
            else if (seen.TryGetValue(product.Sku, out var first))
            {
                rejections.Add(new ImportRejection(row.Row, product.Sku, $"sku '{product.Sku}' already appears in row {first} of this import."));
            }
            else
            {
                seen[product.Sku] = row.Row;
                valid.Add((row.Row, product));
            }
        }

        var (created, updated) = await UpsertAsync(db, user.MerchantId(), valid.Select(v => v.Product).ToList(), cancellationToken);
        return TypedResults.Ok(new ImportReport(rows.Count, created, updated, rejections.Count, rejections.OrderBy(r => r.Row).ToList()));
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

    private static string? Blank(string? sku) => string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();

}
