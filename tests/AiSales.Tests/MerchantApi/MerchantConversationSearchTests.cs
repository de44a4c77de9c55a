using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>
/// The inbox's search by customer (<c>GET /api/conversations?q=</c>) spells Arabic names the way the catalogue does:
/// a black-box run typed «ساره» and did not find «سارة».
/// </summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantConversationSearchTests(MerchantApiFixture fixture)
{
    [Theory]
    [InlineData("ساره")]
    [InlineData("سارة")]
    [InlineData("SARA")]
    public async Task AnArabicNameIsFoundWhateverTheSpellingOfItsTaaMarbutaOrHamza(string typed)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var sara = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5));
        var ahmad = await SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromMinutes(5));
        await NameAsync(db, sara.CustomerId, "سارة Sara");
        await NameAsync(db, ahmad.CustomerId, "أحمد");

        Assert.Equal([sara.Id], await FoundAsync(client, typed));
        Assert.Equal([ahmad.Id], await FoundAsync(client, "احمد"));
        Assert.Empty(await FoundAsync(client, "%"));
    }

    private static async Task<List<Guid>> FoundAsync(HttpClient client, string q)
    {
        using var response = await client.GetAsync($"/api/conversations?q={Uri.EscapeDataString(q)}", Timeout());
        var page = await response.ReadJsonAsync();
        return [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }

    private static async Task NameAsync(Npgsql.NpgsqlDataSource db, Guid customerId, string name)
    {
        await using var command = db.CreateCommand("UPDATE customers SET display_name = $2 WHERE id = $1");
        command.Parameters.AddWithValue(customerId);
        command.Parameters.AddWithValue(name);
        await command.ExecuteNonQueryAsync();
    }
}
