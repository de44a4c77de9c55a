using System.Net;
using System.Text.Json;
using static AiSales.Tests.Media.MediaTestData;

namespace AiSales.Tests.Media;

/// <summary>Contract section 5 (customers' media) and section 6 (GET /api/media/{id}, messages' media), through signed webhooks and the fake Graph over HTTP.</summary>
[Collection(MediaCollection.Name)]
public sealed class MediaFetchTests(MediaFixture fixture)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x48, 0x00, 0xFF, 0xD9];

    [Fact]
    public async Task WhatsAppImageIsFetchedStoredAndServedToItsMerchantOnly()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        var other = await CreateShopAsync(fixture, "whatsapp");
        var mediaId = WebhookTestDataIds.NewMediaId();
        fixture.Graph.Add(mediaId, new FakeMediaFile(shop.Token, Jpeg, "image/jpeg"));

        await SendWhatsAppMediaAsync(fixture, shop, "image", mediaId, "image/jpeg");
        var media = await WaitForMediaAsync(fixture, shop.MerchantId);

        Assert.Equal("stored", media.State);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);
        using var file = await merchant.GetAsync($"/api/media/{media.Id}", Timeout());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Jpeg, await file.Content.ReadAsByteArrayAsync());

        using var stranger = fixture.CreateApiClient(other.ApiKey);
        using var foreign = await stranger.GetAsync($"/api/media/{media.Id}", Timeout());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);

        using var messages = await merchant.GetAsync($"/api/conversations/{media.ConversationId}/messages", Timeout());
        var listed = JsonDocument.Parse(await messages.Content.ReadAsStringAsync()).RootElement.GetProperty("items")
            .EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "image").GetProperty("media");
        Assert.Equal(media.Id, listed.GetProperty("id").GetGuid());
        Assert.Equal("image", listed.GetProperty("type").GetString());
        Assert.Equal("image/jpeg", listed.GetProperty("mimeType").GetString());
        Assert.Equal(Jpeg.Length, listed.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task AnExpiredMediaUrlIsRetriedByLookingUpTheMediaIdAgain()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        var mediaId = WebhookTestDataIds.NewMediaId();
        var served = fixture.Graph.Add(mediaId, new FakeMediaFile(shop.Token, Jpeg, "image/jpeg") { ExpiredDownloads = 1 });

        await SendWhatsAppMediaAsync(fixture, shop, "image", mediaId, "image/jpeg");
        var media = await WaitForMediaAsync(fixture, shop.MerchantId);

        Assert.Equal("stored", media.State);
        Assert.Equal(2, served.LookUps);
        Assert.Equal(2, served.Downloads);
    }

    [Fact]
    public async Task AnImageOverTheWhatsAppLimitIsRefusedAndNeverServed()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        var mediaId = WebhookTestDataIds.NewMediaId();
        var bytes = new byte[5 * 1024 * 1024 + 1];
        Jpeg.CopyTo(bytes, 0);
        // No file_size in the look-up: the cap must hold on the bytes themselves.
        fixture.Graph.Add(mediaId, new FakeMediaFile(shop.Token, bytes, "image/jpeg") { DeclareSize = false });

        await SendWhatsAppMediaAsync(fixture, shop, "image", mediaId, "image/jpeg");
        var media = await WaitForMediaAsync(fixture, shop.MerchantId);

        Assert.Equal("refused", media.State);
        Assert.Contains("Too large", media.Error);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);
        using var file = await merchant.GetAsync($"/api/media/{media.Id}", Timeout());
        Assert.Equal(HttpStatusCode.Gone, file.StatusCode);
    }

    [Fact]
    public async Task AnExecutableSentAsAJpegIsRefused()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        var mediaId = WebhookTestDataIds.NewMediaId();
        byte[] program = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        fixture.Graph.Add(mediaId, new FakeMediaFile(shop.Token, program, "image/jpeg"));

        await SendWhatsAppMediaAsync(fixture, shop, "image", mediaId, "image/jpeg");
        var media = await WaitForMediaAsync(fixture, shop.MerchantId);

        Assert.Equal("refused", media.State);
        Assert.Contains("executable", media.Error);
        Assert.False(Directory.Exists(fixture.MediaDirectory)
            && Directory.EnumerateFiles(fixture.MediaDirectory, $"{media.Id:N}*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task AnInstagramAttachmentIsFetchedFromItsLink()
    {
        var shop = await CreateShopAsync(fixture, "instagram");
        var key = WebhookTestDataIds.NewMediaId();
        fixture.Graph.Add(key, new FakeMediaFile("unused", Jpeg, "image/jpeg"));

        await SendInstagramAttachmentAsync(fixture, shop, "image", fixture.Graph.CdnUrl(key));
        var media = await WaitForMediaAsync(fixture, shop.MerchantId);

        Assert.Equal("stored", media.State);
        using var merchant = fixture.CreateApiClient(shop.ApiKey);
        using var file = await merchant.GetAsync($"/api/media/{media.Id}", Timeout());
        Assert.Equal(Jpeg, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ThePhotoOfACustomerIsAnsweredWithAQuestionAboutWhichProduct()
    {
        var shop = await CreateShopAsync(fixture, "whatsapp");
        var mediaId = WebhookTestDataIds.NewMediaId();
        fixture.Graph.Add(mediaId, new FakeMediaFile(shop.Token, Jpeg, "image/jpeg"));

        await SendWhatsAppMediaAsync(fixture, shop, "image", mediaId, "image/jpeg");

        // The read receipt with its typing indicator goes to the same endpoint first: only messages count here.
        List<string> Replies() => fixture.Graph.SendsTo(shop.AccountId)
            .Where(body => System.Text.Json.Nodes.JsonNode.Parse(body)?["status"] is null).ToList();
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (Replies().Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var reply = Assert.Single(Replies());
        Assert.Contains("Which product do you mean?", reply);
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}

internal static class WebhookTestDataIds
{
    public static string NewMediaId() => Webhooks.WebhookTestData.NewNumericId(16);
}
