using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantOrdersTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task OrderDetailHasItemsAndTotalsAndListFiltersByStatus()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var draft = await SeedOrderAsync(db, merchant.Id, null);
        var confirmed = await SeedOrderAsync(db, merchant.Id, null, "confirmed");

        var order = await (await client.GetAsync($"/api/orders/{draft}", Timeout())).ReadJsonAsync();
        var onlyConfirmed = await (await client.GetAsync("/api/orders?status=confirmed", Timeout())).ReadJsonAsync();

        Assert.Equal(25.25m, order.GetProperty("total").GetDecimal());
        Assert.Equal(25.25m, order.GetProperty("itemsTotal").GetDecimal());
        Assert.Equal(3, order.GetProperty("quantity").GetInt32());
        Assert.Equal("SAR", order.GetProperty("currency").GetString());
        var items = order.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, i => i.GetProperty("sku").GetString() == "BAG-1" && i.GetProperty("lineTotal").GetDecimal() == 21m);
        Assert.Equal([confirmed], onlyConfirmed.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("draft", "confirmed", true)]
    [InlineData("confirmed", "fulfilled", true)]
    [InlineData("draft", "cancelled", true)]
    [InlineData("confirmed", "cancelled", true)]
    [InlineData("draft", "fulfilled", false)]
    [InlineData("fulfilled", "cancelled", false)]
    [InlineData("cancelled", "confirmed", false)]
    [InlineData("confirmed", "draft", false)]
    [InlineData("fulfilled", "fulfilled", false)]
    public async Task OnlyValidStatusTransitionsAreAllowed(string from, string to, bool allowed)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var id = await SeedOrderAsync(db, merchant.Id, null, from);

        using var response = await client.PatchAsJsonAsync($"/api/orders/{id}", new { status = to }, Timeout());

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var order = await response.ReadJsonAsync();
            Assert.Equal(to, order.GetProperty("status").GetString());
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, order.GetProperty($"{to}At").ValueKind);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains($"from {from} to {to}", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task UnknownStatusIsAValidationProblem()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var id = await SeedOrderAsync(db, merchant.Id, null);

        using var response = await client.PatchAsJsonAsync($"/api/orders/{id}", new { status = "shipped" }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }
}
