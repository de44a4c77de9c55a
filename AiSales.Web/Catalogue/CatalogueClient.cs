using System.Text;
using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Catalogue;

public sealed record Product(Guid Id, string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active);

public sealed record ProductPage(List<Product> Items, bool HasMore) : IOffsetPage<Product>;

public sealed record ImportRejection(int Row, string? Sku, string Reason);

public sealed record ProductFields(string Name, string Description, decimal Price, string Currency, int Stock, bool Active);

/// <summary>A created product (<c>Before</c> null) or a changed one with the fields that differ.</summary>
public sealed record ImportChange(int Row, string Sku, string Action, List<string> Changed, ProductFields? Before, ProductFields After);

public sealed record ImportReport(
    int Rows, int Created, int Updated, int Rejected, List<ImportRejection> Rejections, int Unchanged, bool DryRun,
    List<ImportChange>? Changes, int? ChangesNotListed);

/// <summary>What the product form edits; sent as the API's product request (the API validates every field).</summary>
public sealed class ProductForm
{
    public string? Sku { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public decimal? Price { get; set; }

    public string? Currency { get; set; }

    public int? Stock { get; set; }

    public bool Active { get; set; } = true;

    public static ProductForm From(Product p) => new()
    {
        Sku = p.Sku, Name = p.Name, Description = p.Description, Price = p.Price, Currency = p.Currency, Stock = p.Stock, Active = p.Active,
    };
}

/// <summary>
/// The catalogue: the API's Arabic-aware search, add and edit (deactivating is an edit: <c>active = false</c>, which the
/// agent's search skips), and CSV import (the API validates every row; a dry run first shows what the file would change).
/// </summary>
public sealed class CatalogueClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<ProductPage>> SearchAsync(string? q, int offset = 0, CancellationToken cancellationToken = default) =>
        GetAsync<ProductPage>($"/api/products?limit={OffsetPager<Product>.PageSize}&offset={offset}"
            + (string.IsNullOrWhiteSpace(q) ? "" : $"&q={Uri.EscapeDataString(q)}"), cancellationToken);

    public Task<ApiResult<Product>> SaveAsync(Guid? id, ProductForm form, CancellationToken cancellationToken = default) => id is { } existing
        ? SendAsync<Product>(HttpMethod.Put, $"/api/products/{existing}", form, cancellationToken)
        : SendAsync<Product>(HttpMethod.Post, "/api/products", form, cancellationToken);

    /// <summary>The import with its changes listed; <paramref name="dryRun"/>: what it would do, nothing written.</summary>
    public async Task<ApiResult<ImportReport>> ImportCsvAsync(string csv, bool dryRun, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/products/import?changes=true&dryRun={(dryRun ? "true" : "false")}")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        return await ExchangeAsync<ImportReport>(request, cancellationToken);
    }
}
