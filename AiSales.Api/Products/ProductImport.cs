using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Products;

/// <summary>
/// Bulk upsert by sku from a JSON array or a CSV file. Every row is validated by the same rules as the CRUD routes;
/// valid rows are written by <see cref="ProductImportStore"/>. <c>dryRun=true</c> reports what the import would do
/// and writes nothing; <c>changes=true</c> lists each created product and each changed one, before and after.
/// </summary>
public static class ProductImport
{
    /// <summary>Rows per import (issue 13: an import must never crowd out webhooks); a larger file is refused whole.</summary>
    public const int MaxRows = 50_000;

    // Kestrel's default request body limit; 50,000 rows fit well within it.
    private const long MaxBodyBytes = 30L * 1024 * 1024;

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken,
        bool dryRun = false, bool changes = false)
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

        var outcome = new ImportChanges(list: changes);
        if (dryRun)
        {
            await ProductImportStore.PreviewAsync(db, user.MerchantId(), checkedRows.Valid, outcome, cancellationToken);
        }
        else
        {
            await ProductImportStore.WriteAsync(db, user.MerchantId(), checkedRows.Valid, outcome, cancellationToken);
        }

        var result = outcome.Outcome();
        var rejections = checkedRows.Rejections.OrderBy(r => r.Row).ToList();
        return TypedResults.Ok(new ImportReport(
            checkedRows.Rows, result.Created, result.Updated, rejections.Count, rejections, result.Unchanged, dryRun,
            changes ? result.Listed : null, changes ? result.NotListed : null));
    }
}
