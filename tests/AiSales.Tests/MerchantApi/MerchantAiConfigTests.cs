using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantAiConfigTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task AiConfigHasDefaultsAndIsReplacedByPut()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var defaults = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();
        Assert.Equal("auto", defaults.GetProperty("language").GetString());
        Assert.True(defaults.GetProperty("aiEnabled").GetBoolean());

        using var put = await client.PutAsJsonAsync("/api/merchant/ai-config", new
        {
            assistantName = "نورة",
            persona = "مساعدة مبيعات ودودة",
            language = "ar",
            greeting = "أهلاً وسهلاً!",
            aiEnabled = false,
            handoffKeywords = new[] { "موظف", "human", "Human" },
        }, Timeout());

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();
        Assert.Equal("نورة", saved.GetProperty("assistantName").GetString());
        Assert.Equal("ar", saved.GetProperty("language").GetString());
        Assert.False(saved.GetProperty("aiEnabled").GetBoolean());
        Assert.Equal(["موظف", "human"], saved.GetProperty("handoffKeywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task InvalidAiConfigListsTheFields()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.PutAsJsonAsync("/api/merchant/ai-config", new
        {
            assistantName = new string('x', 101),
            language = "fr",
            handoffKeywords = Enumerable.Range(0, 51).Select(i => $"k{i}").ToArray(),
        }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "assistantName", "language", "aiEnabled", "handoffKeywords" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}: {errors}");
        }
    }
}
