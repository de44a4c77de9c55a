using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantProductsTests(MerchantApiFixture fixture)
{
    private async Task<HttpClient> NewMerchantClientAsync() =>
        fixture.Api.CreateMerchantClient((await CreateMerchantAsync(fixture.Api)).ApiKey);

    [Fact]
    public async Task ProductCrudKeepsDecimalPricesAndNormalisesCurrency()
    {
        using var client = await NewMerchantClientAsync();
        using var created = await client.PostAsJsonAsync("/api/products",
            new { sku = "P-1", name = "عطر العود", description = "Oud perfume", price = 1234.567m, currency = "kwd", stock = 3 }, Timeout());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await created.ReadJsonAsync();
        var id = product.GetProperty("id").GetGuid();
        Assert.Equal(1234.567m, product.GetProperty("price").GetDecimal());
        Assert.Equal("KWD", product.GetProperty("currency").GetString());
        Assert.True(product.GetProperty("active").GetBoolean());
        Assert.Equal($"/api/products/{id}", created.Headers.Location?.OriginalString);

        using var updated = await client.PutAsJsonAsync($"/api/products/{id}",
            new { sku = "P-1", name = "عطر العود", price = 0m, currency = "SAR", stock = 0, active = false }, Timeout());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.False((await updated.ReadJsonAsync()).GetProperty("active").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/products/{id}", Timeout())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/products/{id}", Timeout())).StatusCode);
    }

    [Fact]
    public async Task InvalidProductListsEveryFailingField()
    {
        using var client = await NewMerchantClientAsync();

        using var response = await client.PostAsJsonAsync("/api/products",
            new { sku = "", name = "x", price = -1m, currency = "XYZ", stock = -2 }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "sku", "price", "currency", "stock" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task DuplicateSkuIsConflict()
    {
        using var client = await NewMerchantClientAsync();
        await CreateProductAsync(client, "DUP-1", "First");

        using var response = await client.PostAsJsonAsync("/api/products", new { sku = "DUP-1", name = "Second", price = 1, currency = "USD" }, Timeout());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("DUP-1", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ImportWithBadRowsReportsEachWithItsReason()
    {
        using var client = await NewMerchantClientAsync();
        await CreateProductAsync(client, "EXIST-1", "Existing", 5m);
        const string csv = """
            sku,name,description,price,currency,stock
            EXIST-1,Existing updated,,6.500,SAR,1
            NEW-1,جديد,,١٢٫٥,SAR,2
            ,No sku,,1,SAR,1
            BAD-PRICE,Bad price,,abc,SAR,1
            BAD-CUR,Bad currency,,1,XXX1,1
            NEG,Negative,,-1,SAR,-5
            NEW-1,Duplicate in file,,1,SAR,1
            """;

        using var response = await client.PostAsync("/api/products/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(7, report.GetProperty("rows").GetInt32());
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal(5, report.GetProperty("rejected").GetInt32());
        var rejections = report.GetProperty("rejections").EnumerateArray()
            .ToDictionary(r => r.GetProperty("row").GetInt32(), r => r.GetProperty("reason").GetString()!);
        Assert.Equal([3, 4, 5, 6, 7], rejections.Keys.Order());
        Assert.Contains("sku", rejections[3]);
        Assert.Contains("not a number", rejections[4]);
        Assert.Contains("currency", rejections[5]);
        Assert.Contains("price", rejections[6]);
        Assert.Contains("stock", rejections[6]);
        Assert.Contains("row 2", rejections[7]);
        var imported = await (await client.GetAsync("/api/products?q=NEW-1", Timeout())).ReadJsonAsync();
        Assert.Equal(12.5m, imported.GetProperty("items")[0].GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task JsonArrayImportUpsertsAndRejectsBadElements()
    {
        using var client = await NewMerchantClientAsync();
        var body = """
            [
              {"sku": "J-1", "name": "ساعة", "price": 99.9, "currency": "AED", "stock": 1},
              {"sku": "J-2", "name": "Watch strap", "price": "12.250", "currency": "AED"},
              {"sku": "J-3", "name": "No price", "currency": "AED"},
              42
            ]
            """;

        using var response = await client.PostAsync("/api/products/import", new StringContent(body, Encoding.UTF8, "application/json"), Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal([3, 4], report.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/json")]
    public async Task ImportOfMoreThanFiftyThousandRowsIsRefusedWholeAndWritesNothing(string mediaType)
    {
        using var client = await NewMerchantClientAsync();
        var rows = Enumerable.Range(1, 50_001).Select(i => (Sku: $"R-{i}", Name: $"منتج {i}"));
        var body = mediaType == "text/csv"
            ? "sku,name,description,price,currency,stock\n" + string.Concat(rows.Select(r => $"{r.Sku},{r.Name},,10,SAR,1\n"))
            : "[" + string.Join(",", rows.Select(r => $$"""{"sku":"{{r.Sku}}","name":"{{r.Name}}","price":10,"currency":"SAR"}""")) + "]";

        using var response = await client.PostAsync("/api/products/import", new StringContent(body, Encoding.UTF8, mediaType), Timeout());
        using var products = await client.GetAsync("/api/products?limit=1", Timeout());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("50000 rows", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, (await products.ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ImportThatIsNotAJsonArrayIsAProblem()
    {
        using var client = await NewMerchantClientAsync();

        using var response = await client.PostAsync("/api/products/import",
            new StringContent("""{"sku":"A","name":"B","price":1,"currency":"SAR"}""", Encoding.UTF8, "application/json"), Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON array", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ImportOfAnotherMediaTypeOrAMissingColumnIsAProblem()
    {
        using var client = await NewMerchantClientAsync();

        using var xml = await client.PostAsync("/api/products/import", new StringContent("<p/>", Encoding.UTF8, "application/xml"), Timeout());
        using var noPrice = await client.PostAsync("/api/products/import", new StringContent("sku,name,currency\nA,B,SAR\n", Encoding.UTF8, "text/csv"), Timeout());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPrice.StatusCode);
        Assert.Contains("price", (await noPrice.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SearchToleratesSpellingVariantsRanksAndPages()
    {
        using var client = await NewMerchantClientAsync();
        await CreateProductAsync(client, "S-1", "حقيبة يد جلدية حمراء", description: "جلد طبيعي");
        await CreateProductAsync(client, "S-2", "محفظة جلد", description: "تناسب الحقيبة");
        await CreateProductAsync(client, "S-3", "Leather handbag", description: "Genuine leather, red");
        await CreateProductAsync(client, "S-4", "مصطفى", description: "اسم بألف مقصورة");
        await CreateProductAsync(client, "S-5", "قميص قطن", description: "مقاس ٤٢");

        Assert.Equal("S-1", (await SkusAsync(client, "حقيبه"))[0]); // the name beats the description
        Assert.Contains("S-1", await SkusAsync(client, "الحقيبة الجلدية"));
        Assert.Contains("S-1", await SkusAsync(client, "حَقِيبَة")); // diacritics
        Assert.Contains("S-1", await SkusAsync(client, "حقـيبة")); // tatweel
        Assert.Contains("S-4", await SkusAsync(client, "مصطفي")); // alef maqsura / yaa
        Assert.Contains("S-5", await SkusAsync(client, "42"));
        Assert.Contains("S-5", await SkusAsync(client, "٤٢"));
        Assert.Contains("S-3", await SkusAsync(client, "lether handbag")); // one letter missing
        Assert.Empty(await SkusAsync(client, "bicycle"));

        var first = await (await client.GetAsync("/api/products?limit=2&offset=0", Timeout())).ReadJsonAsync();
        var last = await (await client.GetAsync("/api/products?limit=2&offset=4", Timeout())).ReadJsonAsync();
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.False(last.GetProperty("hasMore").GetBoolean());
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/products?limit=0", Timeout())).StatusCode);
    }

    private static async Task<List<string>> SkusAsync(HttpClient client, string q)
    {
        var page = await (await client.GetAsync($"/api/products?q={Uri.EscapeDataString(q)}", Timeout())).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()!).ToList();
    }
}
