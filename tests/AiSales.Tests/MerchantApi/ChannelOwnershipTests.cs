using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>Contract section 6: a channel connects only once Meta confirms the token owns the account.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class ChannelOwnershipTests(MerchantApiFixture fixture)
{
    [Theory]
    [InlineData("whatsapp")]
    [InlineData("instagram")]
    public async Task TokenMetaRejectsAnswers400WithMetasReasonAndStoresNothing(string platform)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await PutChannelAsync(client, platform, UniqueAccountId(), $"EAAGunknown{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("Invalid OAuth access token", detail);
        Assert.Contains("190", detail);
        Assert.Empty(await ChannelsAsync(client));
    }

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("instagram")]
    public async Task TokenOfAnotherAccountAnswers400AndStoresNothing(string platform)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var token = $"EAAGother{Guid.NewGuid():N}";
        FakeGraphOwners.Shared.Own(token, UniqueAccountId());

        using var response = await PutChannelAsync(client, platform, UniqueAccountId(), token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ChannelsAsync(client));
    }

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("instagram")]
    public async Task MetaFailingToAnswerIs400SayingToTryAgainAndStoresNothing(string platform)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var token = $"EAAGdown{Guid.NewGuid():N}";
        FakeGraphOwners.Shared.FailFor(token);

        using var response = await PutChannelAsync(client, platform, UniqueAccountId(), token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("Meta could not verify the token", problem.GetProperty("title").GetString());
        Assert.Contains("try again", problem.GetProperty("detail").GetString());
        Assert.Empty(await ChannelsAsync(client));
    }

    [Fact]
    public async Task TakenAccountIsNotRevealedWithoutAWorkingTokenAndThe409DoesNotNameTheOwner()
    {
        var owner = await CreateMerchantAsync(fixture.Api, $"Owner {Guid.NewGuid():N}"[..14]);
        var stranger = await CreateMerchantAsync(fixture.Api);
        using var ownerClient = fixture.Api.CreateMerchantClient(owner.ApiKey);
        using var strangerClient = fixture.Api.CreateMerchantClient(stranger.ApiKey);
        var accountId = await ConnectChannelAsync(ownerClient, "instagram");
        var secondValidToken = $"EAAGsecond{Guid.NewGuid():N}";
        FakeGraphOwners.Shared.Own(secondValidToken, accountId);

        using var guess = await PutChannelAsync(strangerClient, "instagram", accountId, $"EAAGguess{Guid.NewGuid():N}");
        using var conflict = await PutChannelAsync(strangerClient, "instagram", accountId, secondValidToken);

        Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var body = await conflict.Content.ReadAsStringAsync();
        Assert.DoesNotContain(owner.Name, body);
        Assert.DoesNotContain(owner.Id.ToString(), body);
        Assert.Empty(await ChannelsAsync(strangerClient));
    }

    [Fact]
    public async Task ReconnectingReVerifiesTheNewToken()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var accountId = await ConnectChannelAsync(client, "whatsapp", token: $"EAAGfirst{Guid.NewGuid():N}0001");

        using var refused = await PutChannelAsync(client, "whatsapp", accountId, $"EAAGrevoked{Guid.NewGuid():N}9999");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var channel = Assert.Single(await ChannelsAsync(client));
        Assert.Equal("0001", channel.GetProperty("tokenLast4").GetString());
    }

    [Fact]
    public async Task WhatsAppKeepsItsBusinessAccountAndCatalogueIdsUntilAPutLeavesThemOut()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var phoneNumberId = UniqueAccountId();
        var token = $"EAAGbusiness{Guid.NewGuid():N}";
        FakeGraphOwners.Shared.Own(token, phoneNumberId);

        using var spaced = await client.PutAsJsonAsync("/api/merchant/channels/whatsapp",
            new { phoneNumberId, accessToken = token, wabaId = "1029 384", catalogId = new string('7', 65) }, Timeout());
        var spacedErrors = (await spaced.ReadJsonAsync()).GetProperty("errors");
        using var withIds = await client.PutAsJsonAsync("/api/merchant/channels/whatsapp",
            new { phoneNumberId, accessToken = token, wabaId = "102938475610", catalogId = "5566778899" }, Timeout());
        var stored = Assert.Single(await ChannelsAsync(client));
        using var without = await client.PutAsJsonAsync("/api/merchant/channels/whatsapp", new { phoneNumberId, accessToken = token }, Timeout());
        var cleared = Assert.Single(await ChannelsAsync(client));

        Assert.Equal(HttpStatusCode.BadRequest, spaced.StatusCode);
        Assert.True(spacedErrors.TryGetProperty("wabaId", out _), spacedErrors.ToString());
        Assert.True(spacedErrors.TryGetProperty("catalogId", out _), spacedErrors.ToString());
        Assert.Equal(HttpStatusCode.OK, withIds.StatusCode);
        Assert.Equal("102938475610", stored.GetProperty("wabaId").GetString());
        Assert.Equal("5566778899", stored.GetProperty("catalogId").GetString());
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("wabaId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.GetProperty("catalogId").ValueKind);
    }

    private static Task<HttpResponseMessage> PutChannelAsync(HttpClient client, string platform, string accountId, string token) =>
        client.PutAsJsonAsync($"/api/merchant/channels/{platform}", platform == "whatsapp"
            ? new { phoneNumberId = accountId, accessToken = token } as object
            : new { accountId, accessToken = token }, Timeout());

    private static async Task<List<System.Text.Json.JsonElement>> ChannelsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/merchant/channels", Timeout());
        return (await response.ReadJsonAsync()).EnumerateArray().ToList();
    }
}
