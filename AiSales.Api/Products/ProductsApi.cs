using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Products;

/// <summary>The merchant's catalogue: CRUD, Arabic-aware search, and bulk import.</summary>
public static class ProductsApi
{
    private const string SkuConstraint = "uq_products_merchant_sku";

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products");
        products.MapGet("/", SearchAsync)
            .WithSummary("List or search products (q matches sku, name and description; Arabic spelling variants and small typos tolerated), best match first.");
        products.MapPost("/", CreateAsync).WithSummary("Create a product; sku is unique per merchant.");
        products.MapGet("/{id:guid}", GetAsync).WithSummary("One product.");
        products.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replace a product.");
        products.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a product.");
        products.MapPost("/import", ProductImport.ImportAsync)
            .Accepts<List<ProductRequest>>("application/json", "text/csv")
            .WithSummary("Upsert products by sku from a JSON array or a CSV file (header sku,name,description,price,currency,stock[,active]); "
                + "dryRun=true reports what it would do and writes nothing; changes=true lists each product created or changed, before and after.");
        return api;
    }

    private static async Task<Results<Ok<ProductPage>, ValidationProblem>> SearchAsync(
        ClaimsPrincipal user, ProductSearch search, CancellationToken cancellationToken,
        string? q = null, int limit = 20, int offset = 0, bool activeOnly = false)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > 100)
        {
            errors.Add("limit", "must be between 1 and 100.");
        }

        if (offset < 0)
        {
            errors.Add("offset", "must be zero or more.");
        }

        if (q?.Length > 200)
        {
            errors.Add("q", "must be at most 200 characters.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // One more than asked tells whether another page exists without a count query.
        var hits = await search.SearchAsync(user.MerchantId(), q ?? "", limit + 1, offset, activeOnly, cancellationToken);
        var items = hits.Take(limit)
            .Select(h => new ProductListItem(h.Id, h.Sku, h.Name, h.Description, h.Price, h.Currency, h.Stock, h.Active, h.Score))
            .ToList();
        return TypedResults.Ok(new ProductPage(items, limit, offset, hits.Count > limit));
    }

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand($"SELECT {ProductRules.Columns} FROM products WHERE id = $1 AND merchant_id = $2");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(user.MerchantId());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? TypedResults.Ok(ProductRules.Read(reader))
            : MerchantApiProblems.NotFound("product", id);
    }

    private static async Task<Results<Created<ProductView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProductRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (ProductRules.Validate(request, errors) is not { } product)
        {
            return errors.ToProblem();
        }

        await using var command = db.CreateCommand($"""
            INSERT INTO products (merchant_id, sku, name, description, price, currency, stock, active)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            RETURNING {ProductRules.Columns}
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        AddValues(command, product);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var view = ProductRules.Read(reader);
            return TypedResults.Created($"/api/products/{view.Id}", view);
        }
        catch (PostgresException e) when (e.IsUniqueViolation(SkuConstraint))
        {
            return MerchantApiProblems.Conflict($"A product with sku '{product.Sku}' already exists.");
        }
    }

    private static async Task<Results<Ok<ProductView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ProductRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (ProductRules.Validate(request, errors) is not { } product)
        {
            return errors.ToProblem();
        }

        await using var command = db.CreateCommand($"""
            UPDATE products SET sku = $2, name = $3, description = $4, price = $5, currency = $6, stock = $7, active = $8, updated_at = now()
            WHERE id = $9 AND merchant_id = $1
            RETURNING {ProductRules.Columns}
            """);
        command.Parameters.AddWithValue(user.MerchantId());
        AddValues(command, product);
        command.Parameters.AddWithValue(id);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? TypedResults.Ok(ProductRules.Read(reader))
                : MerchantApiProblems.NotFound("product", id);
        }
        catch (PostgresException e) when (e.IsUniqueViolation(SkuConstraint))
        {
            return MerchantApiProblems.Conflict($"Another product already has sku '{product.Sku}'.");
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("DELETE FROM products WHERE id = $1 AND merchant_id = $2");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(user.MerchantId());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1
            ? TypedResults.NoContent()
            : MerchantApiProblems.NotFound("product", id);
    }

    private static void AddValues(NpgsqlCommand command, ValidProduct product)
    {
        command.Parameters.AddWithValue(product.Sku);
        command.Parameters.AddWithValue(product.Name);
        command.Parameters.AddWithValue(product.Description);
        command.Parameters.AddWithValue(product.Price);
        command.Parameters.AddWithValue(product.Currency);
        command.Parameters.AddWithValue(product.Stock);
        command.Parameters.AddWithValue(product.Active);
    }
}
