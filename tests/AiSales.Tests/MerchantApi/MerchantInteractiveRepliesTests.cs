using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>The per-merchant switch for buttons, lists and quick replies in GET/PUT /api/merchant/ai-config.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantInteractiveRepliesTests(MerchantApiFixture fixture)
{
    private static object Config(bool? interactiveReplies) => interactiveReplies is null
        ? new { assistantName = "Noor", persona = "", language = "auto", greeting = "", aiEnabled = true, handoffKeywords = Array.Empty<string>() }
        : new { assistantName = "Noor", persona = "", language = "auto", greeting = "", aiEnabled = true, handoffKeywords = Array.Empty<string>(), interactiveReplies };

    [Fact]
    public async Task OnByDefaultSwitchedOffByPutAndKeptByAPutWithoutIt()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var defaults = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();

        using var off = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(false), Timeout());
        using var without = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(null), Timeout());
        var kept = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();

        Assert.True(defaults.GetProperty("interactiveReplies").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await off.ReadJsonAsync()).GetProperty("interactiveReplies").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.False(kept.GetProperty("interactiveReplies").GetBoolean());
    }
}
