using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantApiKeyTests(MerchantApiFixture fixture)
{
    private MerchantApiFactory Api => fixture.Api;

    [Fact]
    public async Task CreatedMerchantKeyAuthenticatesAndIsStoredOnlyAsHash()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.GetAsync("/api/merchant", Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await response.ReadJsonAsync();
        Assert.Equal(merchant.Id, profile.GetProperty("id").GetGuid());
        Assert.StartsWith("aisk_", merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        await using var command = db.CreateCommand("SELECT secret_hash FROM merchant_api_keys WHERE merchant_id = $1");
        command.Parameters.AddWithValue(merchant.Id);
        var hash = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.Equal(32, hash.Length);
        var secret = merchant.ApiKey[(merchant.ApiKey.LastIndexOf('_') - 0)..];
        Assert.True(merchant.ApiKey.Length >= 5 + 32 + 1 + 43, "The secret part carries at least 256 bits.");
        Assert.DoesNotContain(Convert.ToHexString(hash), merchant.ApiKey, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer aisk_00000000000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task MissingOrUnknownKeyIsUnauthorizedWithProblemDetails(string? authorization)
    {
        using var client = Api.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.GetAsync("/api/products", Timeout());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty((await response.ReadJsonAsync()).GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task KeyWithRightIdButWrongSecretIsUnauthorized()
    {
        var merchant = await CreateMerchantAsync(Api);
        var forged = merchant.ApiKey[..^4] + (merchant.ApiKey.EndsWith("AAAA") ? "BBBB" : "AAAA");
        using var client = Api.CreateMerchantClient(forged);

        using var response = await client.GetAsync("/api/merchant", Timeout());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MerchantCanHoldSeveralKeysAndRevokeOne()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var first = Api.CreateMerchantClient(merchant.ApiKey);
        using var created = await first.PostAsJsonAsync("/api/merchant/keys", new { name = "backoffice" }, Timeout());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var second = await created.ReadJsonAsync();
        using var secondClient = Api.CreateMerchantClient(second.GetProperty("apiKey").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/api/merchant", Timeout())).StatusCode);

        using var revoke = await secondClient.DeleteAsync($"/api/merchant/keys/{second.GetProperty("id").GetGuid()}", Timeout());

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await secondClient.GetAsync("/api/merchant", Timeout())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/merchant", Timeout())).StatusCode);
        var keys = await (await first.GetAsync("/api/merchant/keys", Timeout())).ReadJsonAsync();
        Assert.Equal(2, keys.GetArrayLength());
        Assert.DoesNotContain("aisk_", keys.GetRawText());
    }

    [Fact]
    public async Task AMerchantHoldsAtMostTwentyActiveKeysAndRevokingOneMakesRoom()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);
        // Created two at a time: the limit holds even when creations race.
        var created = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            created.AddRange(await Task.WhenAll(
                client.PostAsJsonAsync("/api/merchant/keys", new { name = $"k{i}a" }, Timeout()),
                client.PostAsJsonAsync("/api/merchant/keys", new { name = $"k{i}b" }, Timeout())));
        }

        var statuses = created.Select(r => r.StatusCode).ToList();
        var refused = created.First(r => r.StatusCode == HttpStatusCode.Conflict);
        var detail = (await refused.ReadJsonAsync()).GetProperty("detail").GetString();
        var oneCreated = await created.First(r => r.StatusCode == HttpStatusCode.Created).ReadJsonAsync();
        using var revoke = await client.DeleteAsync($"/api/merchant/keys/{oneCreated.GetProperty("id").GetGuid()}", Timeout());
        using var afterRevoke = await client.PostAsJsonAsync("/api/merchant/keys", new { name = "replacement" }, Timeout());
        using var overAgain = await client.PostAsJsonAsync("/api/merchant/keys", new { name = "one too many" }, Timeout());
        created.ForEach(r => r.Dispose());

        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Contains("at most 20 active API keys", detail);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, overAgain.StatusCode);
    }

    [Fact]
    public async Task LastActiveKeyCannotBeRevoked()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);
        var keys = await (await client.GetAsync("/api/merchant/keys", Timeout())).ReadJsonAsync();

        using var response = await client.DeleteAsync($"/api/merchant/keys/{keys[0].GetProperty("id").GetGuid()}", Timeout());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task DisabledMerchantKeysStopWorkingAndWorkAgainWhenEnabled()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);
        using var admin = Api.CreateAdminClient();

        using var disable = await admin.PostAsync($"/api/admin/merchants/{merchant.Id}/disable", null, Timeout());
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal("disabled", (await disable.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/merchant", Timeout())).StatusCode);

        var list = await (await admin.GetAsync("/api/admin/merchants?limit=200", Timeout())).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == merchant.Id && m.GetProperty("status").GetString() == "disabled");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/merchants/{merchant.Id}/enable", null, Timeout())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/merchant", Timeout())).StatusCode);
    }

    [Fact]
    public async Task AdminRoutesNeedTheAdminKey()
    {
        using var client = Api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Admin-Key", "wrong");

        using var response = await client.PostAsJsonAsync("/api/admin/merchants", new { name = "x" }, Timeout());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreatingMerchantWithoutNameListsTheField()
    {
        using var admin = Api.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/api/admin/merchants", new { name = "  " }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
    }
}

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantApiUnavailableDatabaseTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task WhenTheDatabaseIsDownAKeyLookupAnswersProblemDetails()
    {
        await using var api = new MerchantApiFactory(fixture.Platform, new Dictionary<string, string>
        {
            ["ConnectionStrings:aisalesdb"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2",
        }, environment: "Production"); // Development's exception page would hide a wrong middleware order
        using var client = api.CreateMerchantClient("aisk_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await client.GetAsync("/api/merchant", Timeout());

        // Not 401 (the key could not be checked) nor 500: the database is out of reach, try again shortly.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal(AiSales.Api.Infrastructure.ErrorHandling.DatabaseUnavailable, (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }
}
