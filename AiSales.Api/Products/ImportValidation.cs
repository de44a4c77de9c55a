using AiSales.Api.Security;

namespace AiSales.Api.Products;

/// <summary>
/// Checks an import's rows as they are read, by the same rules as the CRUD routes: each becomes a rejection (a parse
/// error, a rule broken, a sku already seen in this import) or a product to write. Only the compact results are kept.
/// </summary>
public sealed class ImportValidation
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    public List<ImportRejection> Rejections { get; } = [];

    public List<ValidRow> Valid { get; } = [];

    public void Add(ImportRow row)
    {
        Rows++;
        if (row.ParseError is not null)
        {
            Rejections.Add(new ImportRejection(row.Row, Blank(row.Request.Sku), row.ParseError));
            return;
        }

        var errors = new FieldErrors();
        if (ProductRules.Validate(row.Request, errors) is not { } product)
        {
            var reason = string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(" ", e.Value)}"));
            Rejections.Add(new ImportRejection(row.Row, Blank(row.Request.Sku), reason));
        }
        else if (_seen.TryGetValue(product.Sku, out var first))
        {
            Rejections.Add(new ImportRejection(row.Row, product.Sku, $"sku '{product.Sku}' already appears in row {first} of this import."));
        }
        else
        {
            _seen[product.Sku] = row.Row;
            Valid.Add(new ValidRow(row.Row, product));
        }
    }

    private static string? Blank(string? sku) => string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();
}
