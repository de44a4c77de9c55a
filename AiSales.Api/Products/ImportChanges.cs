using System.Text.Json.Serialization;

namespace AiSales.Api.Products;

/// <summary>A product's importable fields, as stored before an import or as a row would write them.</summary>
public sealed record ProductFields(string Name, string Description, decimal Price, string Currency, int Stock, bool Active)
{
    public static ProductFields Of(ValidProduct product) =>
        new(product.Name, product.Description, product.Price, product.Currency, product.Stock, product.Active);
}

/// <summary>
/// What one row did (or, in a dry run, would do): <c>created</c>, or <c>updated</c> with the fields whose values
/// differ (none: the row repeats what is stored). <c>Before</c> is null for a created product, and for an update
/// that raced a concurrent insert of the same sku (rare: then the stored values were not read).
/// </summary>
public sealed record ImportChange(
    int Row, string Sku, string Action, IReadOnlyList<string> Changed, ProductFields? Before, ProductFields After);

/// <summary>A row that passed validation, with its number in the file.</summary>
public sealed record ValidRow(int Row, ValidProduct Product);

/// <summary>
/// The rows' outcomes: counts (<c>Unchanged</c>: updated rows that repeat what was stored), and the changes listed
/// (when asked) up to <see cref="ImportChanges.MaxListed"/>.
/// </summary>
public sealed record ImportOutcome(int Created, int Updated, int Unchanged, IReadOnlyList<ImportChange> Listed, int NotListed);

/// <summary>
/// Compares each row with the product stored under its sku. Pure: the import and its dry run both read the stored
/// values and leave the comparison here, so a preview and the import it announces say the same thing.
/// </summary>
public sealed class ImportChanges(bool list)
{
    /// <summary>Changes listed per import; a 50,000-row file's full list would not fit a page (the counts stay whole).</summary>
    public const int MaxListed = 1000;

    public const string Created = "created";
    public const string Updated = "updated";

    private readonly List<ImportChange> _listed = [];
    private int _created;
    private int _updated;
    private int _unchanged;
    private int _notListed;

    /// <summary>One row's outcome: <paramref name="created"/> as PostgreSQL reported it, or (dry run) no stored product.</summary>
    public void Add(ValidRow row, ProductFields? before, bool created)
    {
        if (created) _created++; else _updated++;
        var after = ProductFields.Of(row.Product);
        var changed = created || before is null ? [] : Differences(before, after);
        if (!created && before is not null && changed.Count == 0)
        {
            _unchanged++;
            return;
        }

        if (!list)
        {
            return;
        }

        if (_listed.Count == MaxListed) _notListed++;
        else _listed.Add(new ImportChange(row.Row, row.Product.Sku, created ? Created : Updated, changed, created ? null : before, after));
    }

    public ImportOutcome Outcome() => new(_created, _updated, _unchanged, [.. _listed.OrderBy(c => c.Row)], _notListed);

    /// <summary>The fields whose values differ, by their API names; 12.50 and 12.5 are the same price.</summary>
    public static IReadOnlyList<string> Differences(ProductFields before, ProductFields after)
    {
        var changed = new List<string>();
        if (before.Name != after.Name) changed.Add("name");
        if (before.Description != after.Description) changed.Add("description");
        if (before.Price != after.Price) changed.Add("price");
        if (before.Currency != after.Currency) changed.Add("currency");
        if (before.Stock != after.Stock) changed.Add("stock");
        if (before.Active != after.Active) changed.Add("active");
        return changed;
    }
}

/// <summary>Rows are numbered from 1: the first element of a JSON array, or the first data line after a CSV header.</summary>
public sealed record ImportRejection(int Row, string? Sku, string Reason);

/// <summary>
/// The import's answer. <c>Unchanged</c> counts the updated rows that repeat what was stored. <c>Changes</c> is present only when asked for (<c>changes=true</c>): the created products and
/// the updated ones whose values differ, by row, at most <see cref="ImportChanges.MaxListed"/> (<c>ChangesNotListed</c>
/// counts the rest). A dry run reports the same without writing.
/// </summary>
public sealed record ImportReport(
    int Rows, int Created, int Updated, int Rejected, IReadOnlyList<ImportRejection> Rejections, int Unchanged = 0, bool DryRun = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ImportChange>? Changes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ChangesNotListed = null);
