using System.Net;
using System.Text;
using System.Text.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>The import's dry run (writes nothing) and its list of changes, before and after, over HTTP.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantProductImportChangesTests(MerchantApiFixture fixture)
{
    private const string Csv = """
        sku,name,description,price,currency,stock
        BAG-1,حقيبة سوداء,,6.500,SAR,1
        BAG-2,Same bag,,10,SAR,5
        NEW-1,محفظة,,١٢٫٥,SAR,2
        BAD-1,Bad,,abc,SAR,1
        """;

    [Fact]
    public async Task ADryRunReportsWhatTheImportWouldDoBeforeAndAfterAndWritesNothing()
    {
        using var client = await NewShopAsync();

        var preview = await ImportAsync(client, "?dryRun=true&changes=true");

        Assert.True(preview.GetProperty("dryRun").GetBoolean());
        AssertReport(preview);
        Assert.Null(await PriceAsync(client, "NEW-1"));
        Assert.Equal(5m, await PriceAsync(client, "BAG-1"));
    }

    [Fact]
    public async Task TheImportReportsTheSameChangesAndWritesThem()
    {
        using var client = await NewShopAsync();

        var report = await ImportAsync(client, "?changes=true");

        Assert.False(report.GetProperty("dryRun").GetBoolean());
        AssertReport(report);
        Assert.Equal(12.5m, await PriceAsync(client, "NEW-1"));
        Assert.Equal(6.5m, await PriceAsync(client, "BAG-1"));
        var again = await ImportAsync(client, "?changes=true");
        Assert.Equal((0, 3, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(0, again.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public async Task WithoutChangesTheReportCarriesOnlyItsCounts()
    {
        using var client = await NewShopAsync();

        var report = await ImportAsync(client, "");

        Assert.False(report.TryGetProperty("changes", out _));
        Assert.Equal((1, 2, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));
    }

    private static void AssertReport(JsonElement report)
    {
        Assert.Equal((4, 1, 2, 1, 1), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(),
            report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var changes = report.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal([1, 3], changes.Select(c => c.GetProperty("row").GetInt32()));
        var bag = changes[0];
        Assert.Equal(("BAG-1", "updated"), (bag.GetProperty("sku").GetString(), bag.GetProperty("action").GetString()));
        Assert.Equal(["name", "price", "stock"], bag.GetProperty("changed").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(("Black bag", 5m, 5), (bag.GetProperty("before").GetProperty("name").GetString(),
            bag.GetProperty("before").GetProperty("price").GetDecimal(), bag.GetProperty("before").GetProperty("stock").GetInt32()));
        Assert.Equal(("حقيبة سوداء", 6.5m, 1), (bag.GetProperty("after").GetProperty("name").GetString(),
            bag.GetProperty("after").GetProperty("price").GetDecimal(), bag.GetProperty("after").GetProperty("stock").GetInt32()));
        var created = changes[1];
        Assert.Equal(("NEW-1", "created", JsonValueKind.Null), (created.GetProperty("sku").GetString(),
            created.GetProperty("action").GetString(), created.GetProperty("before").ValueKind));
        Assert.Equal(0, report.GetProperty("changesNotListed").GetInt32());
    }

    private async Task<HttpClient> NewShopAsync()
    {
        var client = fixture.Api.CreateMerchantClient((await CreateMerchantAsync(fixture.Api)).ApiKey);
        await CreateProductAsync(client, "BAG-1", "Black bag", 5m);
        await CreateProductAsync(client, "BAG-2", "Same bag", 10m);
        return client;
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync($"/api/products/import{query}", new StringContent(Csv, Encoding.UTF8, "text/csv"), Timeout());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>The stored price of the product with exactly this sku, or null (search is fuzzy: other skus may come back).</summary>
    private static async Task<decimal?> PriceAsync(HttpClient client, string sku)
    {
        using var response = await client.GetAsync($"/api/products?q={sku}", Timeout());
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray();
        return items.Where(p => p.GetProperty("sku").GetString() == sku).Select(p => (decimal?)p.GetProperty("price").GetDecimal()).SingleOrDefault();
    }
}
