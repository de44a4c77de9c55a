using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiSales.Tests.Agent;
using static AiSales.Tests.Media.MediaTestData;

namespace AiSales.Tests.Media;

/// <summary>
/// The merchant's image setting (ai-config <c>imageReply</c>, docs/media.md): a customer's photo is answered with a
/// question about which product it shows ("ask", the default) or handed to a person ("handoff"), through signed webhooks.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class ImageReplyTests(MediaFixture fixture)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x48, 0x00, 0xFF, 0xD9];

    private static object Config(string? imageReply) => imageReply is null
        ? new { assistantName = "Noor", persona = "", language = "auto", greeting = "", aiEnabled = true, handoffKeywords = Array.Empty<string>() }
        : new { assistantName = "Noor", persona = "", language = "auto", greeting = "", aiEnabled = true, handoffKeywords = Array.Empty<string>(), imageReply };

    [Fact]
    public async Task ThePhotoSettingAsksByDefaultRefusesAnUnknownValueAndIsKeptByAPutWithoutIt()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        using var merchant = fixture.CreateApiClient(shop.ApiKey);

        var defaults = await merchant.GetFromJsonAsync<JsonElement>("/api/merchant/ai-config", Timeout());
        using var unknown = await merchant.PutAsJsonAsync("/api/merchant/ai-config", Config("sometimes"), Timeout());
        using var handoff = await merchant.PutAsJsonAsync("/api/merchant/ai-config", Config("Handoff"), Timeout());
        using var without = await merchant.PutAsJsonAsync("/api/merchant/ai-config", Config(null), Timeout());

        Assert.Equal("ask", defaults.GetProperty("imageReply").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("imageReply", out _));
        Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
        Assert.Equal("handoff", (await handoff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imageReply").GetString());
        Assert.Equal("handoff", (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imageReply").GetString());
    }

    [Fact]
    public async Task APhotoGoesToAPersonWhenTheMerchantHandsPhotosOver()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        using var merchant = fixture.CreateApiClient(shop.ApiKey);
        using var set = await merchant.PutAsJsonAsync("/api/merchant/ai-config", Config("handoff"), Timeout());
        var mediaId = WebhookTestDataIds.NewMediaId();
        fixture.Graph.Add(mediaId, new FakeMediaFile(shop.Token, Jpeg, "image/jpeg"));

        await SendWhatsAppMediaAsync(fixture, shop, "image", mediaId, "image/jpeg");
        var reply = (await MediaSends.WaitForAsync(fixture, shop.AccountId, 1)).Single();

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("passed it to a member of our team", reply["text"]!["body"]!.GetValue<string>());
        var conversationId = await AgentTestData.ScalarAsync<Guid>(fixture.DataSource, "SELECT id FROM conversations WHERE merchant_id = $1", shop.MerchantId);
        Assert.Equal("human", await AgentTestData.ScalarAsync<string>(fixture.DataSource, "SELECT status FROM conversations WHERE id = $1", conversationId));
        Assert.Contains("photo", await AgentTestData.ScalarAsync<string>(fixture.DataSource,
            "SELECT reason FROM conversation_handoffs WHERE conversation_id = $1 AND to_status = 'human'", conversationId));
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
