using System.Net;
using System.Net.Http.Json;
using AiSales.Core.Catalog;
using Microsoft.Extensions.DependencyInjection;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>
/// The agent's catalogue search (<see cref="ProductSearch.FindAsync"/>): the whole phrase first, else its longest word that
/// matches, in one statement. The merchant API's search keeps requiring every word.
/// </summary>
[Collection(MerchantApiCollection.Name)]
public sealed class CatalogueFindTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task APhraseThatMatchesNothingFallsBackToItsLongestMatchingWord()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await CreateProductAsync(client, "K-BLUE", "Blue Kaftan");
        await CreateProductAsync(client, "K-RED", "Red Kaftan");
        await CreateProductAsync(client, "H-1", "Leather handbag");
        await CreateProductAsync(client, "B-1", "حقيبة يد سوداء", description: "جلد طبيعي");
        var hidden = await CreateProductAsync(client, "K-OLD", "Kaftan (old stock)");
        using (var off = await client.PutAsJsonAsync($"/api/products/{hidden}",
            new { sku = "K-OLD", name = "Kaftan (old stock)", price = 1m, currency = "SAR", stock = 5, active = false }, Timeout()))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        var other = await CreateMerchantAsync(fixture.Api);
        var search = fixture.Api.Services.GetRequiredService<ProductSearch>();

        // Every word matches one product: the phrase wins, no fallback to "kaftan" alone.
        Assert.Equal(["K-BLUE"], await SkusAsync(search, merchant.Id, "blue kaftan"));
        // "how", "much", "is" match nothing: the longest word ("kaftan") does; active products only, ties by name.
        Assert.Equal(["K-BLUE", "K-RED"], await SkusAsync(search, merchant.Id, "How much is the blue kaftan?"));
        // Arabic: the article is optional and the question word matches nothing.
        Assert.Equal(["B-1"], await SkusAsync(search, merchant.Id, "بكم الحقيبة السوداء؟"));
        Assert.Empty(await SkusAsync(search, merchant.Id, "xyzzy plugh"));
        Assert.Empty(await SkusAsync(search, merchant.Id, "xyzzy"));
        // Scoped to the merchant.
        Assert.Empty(await SkusAsync(search, other.Id, "How much is the blue kaftan?"));

        // The merchant API's search still needs every word.
        var page = await (await client.GetAsync($"/api/products?q={Uri.EscapeDataString("How much is the blue kaftan?")}", Timeout())).ReadJsonAsync();
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    private static async Task<List<string>> SkusAsync(ProductSearch search, Guid merchantId, string query) =>
        (await search.FindAsync(merchantId, query, 5, Timeout())).Select(h => h.Sku).ToList();
}
