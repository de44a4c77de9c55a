using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using AiSales.Core.Security;
using Npgsql;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class ChannelTokenEncryptionTests(MerchantApiFixture fixture)
{
    private static readonly byte[] FixtureKey = Convert.FromHexString(AppHostFixture.EncryptionKeyHex);

    [Fact]
    public async Task StoredTokenIsCiphertextUnderTheCurrentKeyAndOpensWithItsAssociatedData()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var token = $"EAAGplaintext{Guid.NewGuid():N}";

        await ConnectChannelAsync(client, "instagram", token: token);

        var (ciphertext, keyId, last4) = await ReadTokenAsync(merchant.Id, "instagram");
        Assert.Equal(-1, ciphertext.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)));
        Assert.Equal(-1, ciphertext.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token[4..20])));
        Assert.Equal(SecretProtector.KeyIdOf(FixtureKey), keyId);
        Assert.Equal(token[^4..], last4);
        Assert.Equal(token, new SecretProtector(FixtureKey).Open(new SealedSecret(ciphertext, keyId), $"channel-token:{merchant.Id}:instagram"));
    }

    [Fact]
    public async Task OpeningWithTheWrongKeyOrAnotherRowsDataFailsCleanly()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await ConnectChannelAsync(client, "whatsapp");
        var (ciphertext, keyId, _) = await ReadTokenAsync(merchant.Id, "whatsapp");
        var wrong = new SecretProtector(RandomNumberGenerator.GetBytes(32));
        var right = new SecretProtector(FixtureKey);
        var associatedData = $"channel-token:{merchant.Id}:whatsapp";

        Assert.Throws<SecretDecryptionException>(() => wrong.Open(new SealedSecret(ciphertext, keyId), associatedData));
        Assert.Throws<SecretDecryptionException>(() => wrong.Open(new SealedSecret(ciphertext, wrong.CurrentKeyId), associatedData));
        Assert.Throws<SecretDecryptionException>(() => right.Open(new SealedSecret(ciphertext, keyId), $"channel-token:{Guid.NewGuid()}:whatsapp"));
    }

    [Fact]
    public async Task RotationReEncryptsEveryTokenAndTheOldKeyCanThenBeRemoved()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var token = $"EAAGrotate{Guid.NewGuid():N}";
        await ConnectChannelAsync(client, "whatsapp", token: token);
        var before = await ReadTokenAsync(merchant.Id, "whatsapp");
        var newKey = RandomNumberGenerator.GetBytes(32);

        var report = await RotateAsync(newKey, FixtureKey);
        try
        {
            Assert.Equal(0, report.GetProperty("remaining").GetInt32());
            Assert.Equal(0, report.GetProperty("failed").GetArrayLength());
            Assert.True(report.GetProperty("rotated").GetInt32() >= 1);
            var after = await ReadTokenAsync(merchant.Id, "whatsapp");
            Assert.Equal(SecretProtector.KeyIdOf(newKey), after.KeyId);
            Assert.False(before.Ciphertext.AsSpan().SequenceEqual(after.Ciphertext));
            Assert.Equal(0, await CountTokensNotUnderAsync(SecretProtector.KeyIdOf(newKey)));
            // Old key removed: the new key alone opens what was rotated.
            var newKeyOnly = new SecretProtector(newKey);
            Assert.Equal(token, newKeyOnly.Open(new SealedSecret(after.Ciphertext, after.KeyId), $"channel-token:{merchant.Id}:whatsapp"));
            Assert.Throws<SecretDecryptionException>(() => new SecretProtector(FixtureKey).Open(new SealedSecret(after.Ciphertext, after.KeyId), $"channel-token:{merchant.Id}:whatsapp"));
        }
        finally
        {
            // Back to the fixture's key, so the rest of the collection (and the running services) can open every token.
            var back = await RotateAsync(FixtureKey, newKey);
            Assert.Equal(0, back.GetProperty("remaining").GetInt32());
        }

        Assert.Equal(token, new SecretProtector(FixtureKey).Open(
            new SealedSecret((await ReadTokenAsync(merchant.Id, "whatsapp")).Ciphertext, SecretProtector.KeyIdOf(FixtureKey)),
            $"channel-token:{merchant.Id}:whatsapp"));
    }

    [Fact]
    public async Task OneAccountIdBelongsToOneMerchant()
    {
        var first = await CreateMerchantAsync(fixture.Api);
        var second = await CreateMerchantAsync(fixture.Api);
        using var firstClient = fixture.Api.CreateMerchantClient(first.ApiKey);
        using var secondClient = fixture.Api.CreateMerchantClient(second.ApiKey);
        var accountId = await ConnectChannelAsync(firstClient, "whatsapp");
        FakeGraphOwners.Shared.Own("EAAGanothertoken", accountId);

        using var response = await secondClient.PutAsJsonAsync(
            "/api/merchant/channels/whatsapp", new { phoneNumberId = accountId, accessToken = "EAAGanothertoken" }, Timeout());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("another merchant", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PuttingAChannelAgainReplacesTheTokenAndReconnects()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var accountId = await ConnectChannelAsync(client, "whatsapp", token: "EAAGfirsttoken0001");
        await using (var db = fixture.Platform.CreateDataSource())
        await using (var expire = db.CreateCommand("UPDATE channels SET status = 'disconnected', status_reason = 'token expired (190)' WHERE merchant_id = $1"))
        {
            expire.Parameters.AddWithValue(merchant.Id);
            await expire.ExecuteNonQueryAsync();
        }

        FakeGraphOwners.Shared.Own("EAAGsecondtoken0002", accountId);

        using var response = await client.PutAsJsonAsync(
            "/api/merchant/channels/whatsapp", new { phoneNumberId = accountId, accessToken = "EAAGsecondtoken0002" }, Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var channel = await response.ReadJsonAsync();
        Assert.True(channel.GetProperty("connected").GetBoolean());
        Assert.Equal("0002", channel.GetProperty("tokenLast4").GetString());
        var (ciphertext, keyId, _) = await ReadTokenAsync(merchant.Id, "whatsapp");
        Assert.Equal("EAAGsecondtoken0002", new SecretProtector(FixtureKey).Open(new SealedSecret(ciphertext, keyId), $"channel-token:{merchant.Id}:whatsapp"));
    }

    [Fact]
    public async Task ChannelWithoutTokenListsTheFields()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.PutAsJsonAsync("/api/merchant/channels/instagram", new { accountId = "" }, Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("accountId", out _));
        Assert.True(errors.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task AMistypedPreviousKeyStopsTheApiAtStartUp()
    {
        await using var api = new MerchantApiFactory(fixture.Platform, new Dictionary<string, string>
        {
            ["Encryption:PreviousKeys:0"] = "not-a-key",
        });

        var error = Record.Exception(() => api.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Encryption__PreviousKeys", error.ToString());
    }

    private async Task<System.Text.Json.JsonElement> RotateAsync(byte[] current, byte[] previous)
    {
        await using var api = new MerchantApiFactory(fixture.Platform, new Dictionary<string, string>
        {
            ["ENCRYPTION_KEY_HEX"] = Convert.ToHexString(current),
            ["Encryption:PreviousKeys:0"] = Convert.ToHexString(previous),
        });
        using var admin = api.CreateAdminClient();
        using var response = await admin.PostAsync("/api/admin/encryption/rotate", null, Timeout());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<(byte[] Ciphertext, string KeyId, string Last4)> ReadTokenAsync(Guid merchantId, string platform)
    {
        await using var db = fixture.Platform.CreateDataSource();
        await using var command = db.CreateCommand("SELECT token_ciphertext, token_key_id, token_last4 FROM channels WHERE merchant_id = $1 AND platform = $2");
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return ((byte[])reader.GetValue(0), reader.GetString(1), reader.GetString(2));
    }

    private async Task<long> CountTokensNotUnderAsync(string keyId)
    {
        await using var db = fixture.Platform.CreateDataSource();
        await using var command = db.CreateCommand("SELECT count(*) FROM channels WHERE token_key_id <> $1");
        command.Parameters.AddWithValue(keyId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
