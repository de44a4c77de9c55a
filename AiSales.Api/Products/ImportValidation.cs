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
        if (row.ParseErrors?.GetValueOrDefault(ImportRow.WholeRow) is { } unreadable)
        {
            Rejections.Add(new ImportRejection(row.Row, null, unreadable));
            return;
        }

        var errors = new FieldErrors();
        var product = ProductRules.Validate(row.Request, errors);
        if (row.ParseErrors is not null || product is null)
        {
            Rejections.Add(new ImportRejection(row.Row, Blank(row.Request.Sku), Reasons(row.ParseErrors, errors)));
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

    // Every reason, field by field: what could not be read says so (not "price is required"), then the rules broken.
    private static string Reasons(IReadOnlyDictionary<string, string>? unread, FieldErrors errors)
    {
        var broken = errors.ToDictionary();
        var reasons = broken.Select(e => unread?.GetValueOrDefault(e.Key) ?? $"{e.Key} {string.Join(" ", e.Value)}")
            .Concat((unread ?? new Dictionary<string, string>()).Where(u => !broken.ContainsKey(u.Key)).Select(u => u.Value));
        return string.Join(" ", reasons);
    }

    private static string? Blank(string? sku) => string.IsNullOrWhiteSpace(sku) ? null : sku.Trim();
}
