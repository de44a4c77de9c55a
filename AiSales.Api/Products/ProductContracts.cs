using AiSales.Api.Security;
using Npgsql;

namespace AiSales.Api.Products;

public sealed record ProductRequest(string? Sku, string? Name, string? Description, decimal? Price, string? Currency, int? Stock, bool? Active);

public sealed record ProductView(
    Guid Id, string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ProductListItem(Guid Id, string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active, double Score);

public sealed record ProductPage(IReadOnlyList<ProductListItem> Items, int Limit, int Offset, bool HasMore);

/// <summary>A product that passed validation, ready to write.</summary>
public sealed record ValidProduct(string Sku, string Name, string Description, decimal Price, string Currency, int Stock, bool Active);

/// <summary>The one set of product rules, shared by the CRUD routes and the import.</summary>
public static class ProductRules
{
    public const decimal MaxPrice = 99_999_999_999.999m; // numeric(14, 3)

    public const string Columns = "id, sku, name, description, price, currency, stock, active, created_at, updated_at";

    public static ValidProduct? Validate(ProductRequest request, FieldErrors errors)
    {
        var sku = errors.Text("sku", request.Sku, 64);
        var name = errors.Text("name", request.Name, 300);
        var description = errors.Text("description", request.Description, 5000, required: false);
        var currency = request.Currency?.Trim().ToUpperInvariant() ?? "";
        if (!Iso4217.IsValid(currency))
        {
            errors.Add("currency", currency.Length == 0 ? "is required (an ISO 4217 code such as SAR, AED or USD)." : $"'{currency}' is not an ISO 4217 currency code.");
        }

        switch (request.Price)
        {
            case null:
                errors.Add("price", "is required.");
                break;
            case < 0:
                errors.Add("price", "must be zero or more.");
                break;
            case > MaxPrice:
                errors.Add("price", $"must be at most {MaxPrice}.");
                break;
            case var p when decimal.Round(p.Value, 3) != p.Value:
                errors.Add("price", "must have at most 3 decimal places.");
                break;
        }

        if (request.Stock is < 0)
        {
            errors.Add("stock", "must be zero or more.");
        }

        return errors.Any
            ? null
            : new ValidProduct(sku, name, description, request.Price!.Value, currency, request.Stock ?? 0, request.Active ?? true);
    }

    public static ProductView Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDecimal(4),
        reader.GetString(5).Trim(), reader.GetInt32(6), reader.GetBoolean(7),
        reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9));
}
