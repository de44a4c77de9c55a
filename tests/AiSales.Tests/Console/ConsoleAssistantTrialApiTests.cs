using System.Net;
using System.Text.Json;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// The "try it" box's API (POST /api/merchant/ai-config/try), answered by the real agent process with the shop's
/// catalogue: a dry run that sends nothing, stores no conversation, message or order, and takes no stock.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleAssistantTrialApiTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task TrialsAnswerInArabicAndEnglishFromTheCatalogueAndLeaveNoTrace()
    {
        var shop = await ConsoleShop.CreateAsync(fixture);
        var key = shop.Merchant.ApiKey;
        using var api = fixture.CreateApiClient();
        var arabicProduct = await AddProductAsync(api, key, "KAF-AZ", "قفطان أزرق", 220m, 5);
        var englishProduct = await AddProductAsync(api, key, "KAF-BLUE", "Blue Kaftan", 149.50m, 5);

        var arabic = await TryAsync(api, key, "بكم القفطان الأزرق؟");
        var english = await TryAsync(api, key, "I want to order 2 blue kaftans");

        Assert.Equal("ar", arabic.GetProperty("language").GetString());
        Assert.Contains("قفطان أزرق", arabic.GetProperty("reply").GetString());
        Assert.Contains("220", arabic.GetProperty("reply").GetString());
        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.Contains("Blue Kaftan", english.GetProperty("reply").GetString());

        // Give a wrongly sent reply time to reach the Graph fake before looking.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await shop.GraphRequestsAsync(fixture));
        Assert.Equal(0, await CountAsync(api, key, "/api/conversations"));
        Assert.Equal(0, await CountAsync(api, key, "/api/orders"));
        Assert.Equal(5, await StockAsync(api, key, arabicProduct));
        Assert.Equal(5, await StockAsync(api, key, englishProduct));
    }

    [Fact]
    public async Task ATrialIsReadableOnlyByItsOwnMerchant()
    {
        using var api = fixture.CreateApiClient();
        var owner = await CreateMerchantAsync(api);
        var stranger = await CreateMerchantAsync(api);
        var trial = await TryAsync(api, owner.ApiKey, "hello");
        var id = trial.GetProperty("id").GetGuid();

        using var own = await SendAsync(api, HttpMethod.Get, $"/api/merchant/ai-config/try/{id}", owner.ApiKey);
        using var foreign = await SendAsync(api, HttpMethod.Get, $"/api/merchant/ai-config/try/{id}", stranger.ApiKey);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("hello", (await own.JsonAsync()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("hello", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ABlankMessageIsRefusedWithAProblemNamingTheField()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);

        using var response = await SendAsync(api, HttpMethod.Post, "/api/merchant/ai-config/try", merchant.ApiKey, new { text = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task TrialsHaveTheirOwnLimitPerMerchantAnsweredWithRetryAfter()
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var other = await CreateMerchantAsync(api);

        // The limiter counts requests before they are read: blank ones spend the budget without running the model.
        for (var i = 0; i < 10; i++)
        {
            using var spent = await SendAsync(api, HttpMethod.Post, "/api/merchant/ai-config/try", merchant.ApiKey, new { text = "" });
            Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
        }

        using var refused = await SendAsync(api, HttpMethod.Post, "/api/merchant/ai-config/try", merchant.ApiKey, new { text = "hello" });
        using var settings = await SendAsync(api, HttpMethod.Get, "/api/merchant/ai-config", merchant.ApiKey);
        using var otherShop = await SendAsync(api, HttpMethod.Post, "/api/merchant/ai-config/try", other.ApiKey, new { text = "" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "429 carries Retry-After");
        Assert.Contains("try the assistant", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherShop.StatusCode);
    }

    public static async Task<JsonElement> TryAsync(HttpClient api, string key, string text)
    {
        using var response = await SendAsync(api, HttpMethod.Post, "/api/merchant/ai-config/try", key, new { text });
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.Equal("answered", body.GetProperty("state").GetString());
        return body;
    }

    private static async Task<Guid> AddProductAsync(HttpClient api, string key, string sku, string name, decimal price, int stock)
    {
        using var response = await SendAsync(api, HttpMethod.Post, "/api/products", key,
            new { sku, name, description = "", price, currency = "SAR", stock, active = true });
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return body.GetProperty("id").GetGuid();
    }

    private static async Task<int> CountAsync(HttpClient api, string key, string url)
    {
        using var response = await SendAsync(api, HttpMethod.Get, url, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("items").GetArrayLength();
    }

    private static async Task<int> StockAsync(HttpClient api, string key, Guid productId)
    {
        using var response = await SendAsync(api, HttpMethod.Get, $"/api/products/{productId}", key);
        return (await response.JsonAsync()).GetProperty("stock").GetInt32();
    }
}
