using AiSales.Api.Products;

namespace AiSales.UnitTests.MerchantApi;

/// <summary>What an import reports per row: created, updated with the fields that differ, or unchanged.</summary>
public sealed class ImportChangesTests
{
    private static readonly ProductFields Stored = new("حقيبة سوداء", "جلد", 185.5m, "SAR", 3, true);

    private static ValidRow Row(int row, string sku, decimal price = 185.5m, int stock = 3, string name = "حقيبة سوداء") =>
        new(row, new ValidProduct(sku, name, "جلد", price, "SAR", stock, true));

    [Fact]
    public void AChangedRowListsOnlyTheFieldsThatDifferWithBothValues()
    {
        var changes = new ImportChanges(list: true);

        changes.Add(Row(4, "BAG-1", price: 170m, stock: 0), Stored, created: false);

        var outcome = changes.Outcome();
        var change = Assert.Single(outcome.Listed);
        Assert.Equal((4, "BAG-1", ImportChanges.Updated), (change.Row, change.Sku, change.Action));
        Assert.Equal(["price", "stock"], change.Changed);
        Assert.Equal((185.5m, 3), (change.Before!.Price, change.Before.Stock));
        Assert.Equal((170m, 0), (change.After.Price, change.After.Stock));
        Assert.Equal((0, 1, 0), (outcome.Created, outcome.Updated, outcome.Unchanged));
    }

    [Fact]
    public void ARowThatRepeatsWhatIsStoredIsUpdatedButUnchangedAndNotListed()
    {
        var changes = new ImportChanges(list: true);

        changes.Add(Row(1, "BAG-1", price: 185.500m), Stored, created: false);

        var outcome = changes.Outcome();
        Assert.Empty(outcome.Listed);
        Assert.Equal((0, 1, 1), (outcome.Created, outcome.Updated, outcome.Unchanged));
    }

    [Fact]
    public void ACreatedProductHasNoBeforeAndChangesAreListedInRowOrder()
    {
        var changes = new ImportChanges(list: true);

        changes.Add(Row(9, "NEW-9"), before: null, created: true);
        changes.Add(Row(2, "BAG-1", name: "حقيبة سوداء كبيرة"), Stored, created: false);

        var outcome = changes.Outcome();
        Assert.Equal([2, 9], outcome.Listed.Select(c => c.Row));
        var created = outcome.Listed[1];
        Assert.Equal(ImportChanges.Created, created.Action);
        Assert.Null(created.Before);
        Assert.Empty(created.Changed);
        Assert.Equal(["name"], outcome.Listed[0].Changed);
    }

    [Fact]
    public void AnUpdateWhoseStoredValuesWereNotReadIsListedWithoutBefore()
    {
        var changes = new ImportChanges(list: true);

        changes.Add(Row(1, "RACE-1"), before: null, created: false);

        var change = Assert.Single(changes.Outcome().Listed);
        Assert.Equal(ImportChanges.Updated, change.Action);
        Assert.Null(change.Before);
    }

    [Fact]
    public void TheListStopsAtItsLimitWhileTheCountsStayWhole()
    {
        var changes = new ImportChanges(list: true);

        for (var row = 1; row <= ImportChanges.MaxListed + 5; row++)
        {
            changes.Add(Row(row, $"SKU-{row}"), before: null, created: true);
        }

        var outcome = changes.Outcome();
        Assert.Equal(ImportChanges.MaxListed, outcome.Listed.Count);
        Assert.Equal(5, outcome.NotListed);
        Assert.Equal(ImportChanges.MaxListed + 5, outcome.Created);
    }

    [Fact]
    public void WithoutListingOnlyTheCountsAreKept()
    {
        var changes = new ImportChanges(list: false);

        changes.Add(Row(1, "BAG-1", stock: 9), Stored, created: false);
        changes.Add(Row(2, "BAG-1"), Stored, created: false);

        var outcome = changes.Outcome();
        Assert.Empty(outcome.Listed);
        Assert.Equal((0, 1, 2), (outcome.NotListed, outcome.Unchanged, outcome.Updated));
    }
}
