using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using AiSales.Api.Security;
using CsvHelper;
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
    public const int MaxRows = 100_000;
    // Kestrel's default request body limit; 100,000 rows fit well within it.
    private const long MaxBodyBytes = 30L * 1024 * 1024;
    private static readonly string[] RequiredColumns = ["sku", "name", "price", "currency"];
    private static readonly string[] OptionalColumns = ["description", "stock", "active"];

    private sealed record ParsedRow(int Row, ProductRequest Request, string? ParseError);

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
                detail: $"An import is limited to {MaxBodyBytes / 1024 / 1024} MiB; split the file.");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        List<ParsedRow> rows;
        try
        {
            rows = mediaType switch
            {
                "application/json" => await ParseJsonAsync(request.Body, cancellationToken),
                "text/csv" or "application/csv" => await ParseCsvAsync(request.Body, cancellationToken),
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

    private static async Task<List<ParsedRow>> ParseJsonAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ImportFormatException(StatusCodes.Status400BadRequest, "The body must be a JSON array of products.");
            }

            var rows = new List<ParsedRow>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                CheckRowCount(number);
                rows.Add(element.ValueKind == JsonValueKind.Object
                    ? ReadJsonRow(number, element)
                    : new ParsedRow(number, new ProductRequest(null, null, null, null, null, null, null), "the row is not a JSON object."));
            }

            return rows;
        }
    }

    private static ParsedRow ReadJsonRow(int number, JsonElement element)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        string? Text(string name) => fields.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;

        var sku = Text("sku");
        var errors = new List<string>();
        var price = ParseDecimal(Text("price"), "price", errors);
        var stock = ParseInt(Text("stock"), "stock", errors);
        var active = ParseBool(Text("active"), "active", errors);
        var request = new ProductRequest(sku, Text("name"), Text("description"), price, Text("currency"), stock, active);
        return new ParsedRow(number, request, errors.Count == 0 ? null : string.Join(" ", errors));
    }

    private static async Task<List<ParsedRow>> ParseCsvAsync(Stream body, CancellationToken cancellationToken)
    {
        // Buffered (the size is bounded above) so the reader parses from memory; a UTF-8 byte order mark is skipped.
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ',', HasHeader = true, TrimWhitespace = true });
        await csv.ReadHeaderAsync(cancellationToken);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in RequiredColumns.Concat(OptionalColumns))
        {
            if (csv.TryGetFieldIndex(name, out var index))
            {
                columns[name] = index;
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFormatException(StatusCodes.Status400BadRequest,
                $"The CSV header must name the columns sku,name,description,price,currency,stock (missing: {string.Join(", ", missing)}).");
        }

        var rows = new List<ParsedRow>();
        while (await csv.ReadAsync(cancellationToken))
        {
            var number = (int)csv.RowNumber;
            CheckRowCount(number);
            string? Field(string name) =>
                columns.TryGetValue(name, out var index) && index < csv.FieldCount && !csv.IsEmpty(index) ? csv.GetString(index) : null;

            var errors = new List<string>();
            var price = ParseDecimal(Field("price"), "price", errors);
            var stock = ParseInt(Field("stock"), "stock", errors);
            var active = ParseBool(Field("active"), "active", errors);
            var request = new ProductRequest(Field("sku"), Field("name"), Field("description"), price, Field("currency"), stock, active);
            rows.Add(new ParsedRow(number, request, errors.Count == 0 ? null : string.Join(" ", errors)));
        }

        return rows;
    }

    private static void CheckRowCount(int number)
    {
        if (number > MaxRows)
        {
            throw new ImportFormatException(StatusCodes.Status413PayloadTooLarge, $"An import is limited to {MaxRows} rows; split the file.");
        }
    }

    private static decimal? ParseDecimal(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(LatinDigits(text), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{field} '{text}' is not a number (use a dot for decimals, e.g. 149.500).");
        return null;
    }

    private static int? ParseInt(string? text, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(LatinDigits(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{field} '{text}' is not a whole number.");
        return null;
    }

    private static bool? ParseBool(string? text, string field, List<string> errors)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return null;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                errors.Add($"{field} '{text}' must be true or false.");
                return null;
        }
    }

    // Arabic catalogues are often typed with Arabic-Indic digits (١٢٣ or ۱۲۳) and the Arabic decimal separator.
    private static string LatinDigits(string text) => string.Create(text.Trim().Length, text.Trim(), static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                '\u066B' => '.',
                _ => c,
            };
        }
    });

    private static string? Blank(string? sku) => string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();

    private sealed class ImportFormatException(int statusCode, string message) : Exception(message)
    {
        public int StatusCode { get; } = statusCode;
    }
}
