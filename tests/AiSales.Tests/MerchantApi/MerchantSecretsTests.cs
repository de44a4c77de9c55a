using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Testing;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>Tokens, API keys and platform secrets never appear in a response body or a log line (captured with the fake logger).</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantSecretsTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task NoResponseBodyOrLogLineContainsATokenKeyOrSecret()
    {
        var api = fixture.Api;
        var merchant = await CreateMerchantAsync(api);
        using var client = api.CreateMerchantClient(merchant.ApiKey);
        var whatsappToken = $"EAAGwa{Guid.NewGuid():N}";
        var instagramToken = $"IGQVig{Guid.NewGuid():N}";
        var bodies = new List<string>();

        async Task Capture(Task<HttpResponseMessage> call)
        {
            using var response = await call;
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        using var createdKey = await client.PostAsJsonAsync("/api/merchant/keys", new { name = "ops" }, Timeout());
        var secondKey = (await createdKey.ReadJsonAsync()).GetProperty("apiKey").GetString()!;
        var (phoneNumberId, instagramId) = (UniqueAccountId(), UniqueAccountId());
        FakeGraphOwners.Shared.Own(whatsappToken, phoneNumberId);
        FakeGraphOwners.Shared.Own(instagramToken, instagramId);
        await Capture(client.PutAsJsonAsync("/api/merchant/channels/whatsapp", new { phoneNumberId, accessToken = whatsappToken }, Timeout()));
        await Capture(client.PutAsJsonAsync("/api/merchant/channels/instagram", new { accountId = instagramId, accessToken = instagramToken }, Timeout()));
        // A token Meta refuses: the 400 quotes Meta's reason, never the token.
        await Capture(client.PutAsJsonAsync("/api/merchant/channels/whatsapp", new { phoneNumberId = UniqueAccountId(), accessToken = whatsappToken + "x" }, Timeout()));
        // A token with a space is rejected: the error must not echo it.
        await Capture(client.PutAsJsonAsync("/api/merchant/channels/instagram", new { accountId = UniqueAccountId(), accessToken = instagramToken + " x" }, Timeout()));
        await Capture(client.GetAsync("/api/merchant", Timeout()));
        await Capture(client.GetAsync("/api/merchant/channels", Timeout()));
        await Capture(client.GetAsync("/api/merchant/keys", Timeout()));
        using (var forged = api.CreateMerchantClient(merchant.ApiKey[..^3] + "zzz"))
        {
            await Capture(forged.GetAsync("/api/merchant", Timeout()));
        }

        using (var admin = api.CreateAdminClient())
        {
            await Capture(admin.PostAsync("/api/admin/encryption/rotate", null, Timeout()));
            await Capture(admin.GetAsync("/api/admin/merchants", Timeout()));
        }

        var secrets = new[]
        {
            whatsappToken, instagramToken, merchant.ApiKey, SecretPart(merchant.ApiKey), secondKey, SecretPart(secondKey),
            AppHostFixture.AdminApiKey, AppHostFixture.MetaAppSecret, AppHostFixture.EncryptionKeyHex,
        };
        foreach (var body in bodies)
        {
            Assert.DoesNotContain(secrets, s => body.Contains(s, StringComparison.OrdinalIgnoreCase));
        }

        var logs = api.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            var text = Describe(record);
            var leaked = secrets.FirstOrDefault(s => text.Contains(s, StringComparison.OrdinalIgnoreCase));
            Assert.True(leaked is null, $"A log line from {record.Category} contains a secret: {record.Message}");
        }
    }

    private static string SecretPart(string apiKey) => apiKey[(5 + 32 + 1)..];

    private static string Describe(FakeLogRecord record) =>
        string.Join('\n', [
            record.Message,
            record.Exception?.ToString() ?? "",
            .. record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? [],
            .. record.Scopes.Select(s => s?.ToString() ?? ""),
        ]);
}
