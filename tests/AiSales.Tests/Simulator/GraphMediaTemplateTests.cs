using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

/// <summary>The simulator's Graph fake serves the customers' photos (media id → url → bytes) and the demo WABA's templates.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class GraphMediaTemplateTests(SimulatorTestHost host)
{
    [Fact]
    public async Task ACustomerPhotoIsServedByMediaIdThenUrlToTheAccountsTokenOnly()
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");
        var customer = "9665" + Random.Shared.Next(10_000_000, 99_999_999);

        // Its own client: the first photo of a simulator run was seen to take 4 s on a loaded machine (the host's client allows 5).
        using var patient = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using (var sent = await patient.PostAsJsonAsync($"/simulator/chats/whatsapp/{customer}/image?account={phoneNumberId}", new { text = "هل عندكم مثل هذا؟" }))
        {
            sent.EnsureSuccessStatusCode();
        }

        var webhook = (await host.WaitForWebhooksAsync(w => w.Body.Contains(customer) && w.Body.Contains("\"image\""), 1, TimeSpan.FromSeconds(10))).Single();
        var image = JsonDocument.Parse(webhook.Body).RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value")
            .GetProperty("messages")[0].GetProperty("image");
        var mediaId = image.GetProperty("id").GetString()!;

        using var stranger = await GetAsync($"/v21.0/{mediaId}", "EAAG-not-this-account");
        using var lookUp = await GetAsync($"/v21.0/{mediaId}", token);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lookUp.StatusCode);
        var metadata = await lookUp.Content.ReadFromJsonAsync<JsonElement>();
        var url = new Uri(metadata.GetProperty("url").GetString()!);

        using var anonymous = await host.Client.GetAsync(url.PathAndQuery);
        using var file = await GetAsync(url.PathAndQuery, token);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        Assert.Equal(bytes.LongLength, metadata.GetProperty("file_size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), metadata.GetProperty("sha256").GetString());
        Assert.Equal(image.GetProperty("sha256").GetString(), metadata.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task TheDemoWabaListsItsTemplatesAndATemplateSendIsFollowedByStatuses()
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");

        using var list = await GetAsync("/v21.0/102290129340398/message_templates?fields=name,language,status,category,components&limit=100", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var templates = (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(templates, t => t.GetProperty("name").GetString() == "order_update" && t.GetProperty("language").GetString() == "ar"
                                        && t.GetProperty("status").GetString() == "APPROVED");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v21.0/{phoneNumberId}/messages")
        {
            Content = JsonContent.Create(new
            {
                messaging_product = "whatsapp",
                recipient_type = "individual",
                to = "966500000002",
                type = "template",
                template = new
                {
                    name = "order_update",
                    language = new { code = "ar" },
                    components = new[] { new { type = "body", parameters = new[] { new { type = "text", text = "نورة" }, new { type = "text", text = "A-7" } } } },
                },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages")[0].GetProperty("id").GetString()!;
        var statuses = await host.WaitForWebhooksAsync(w => w.Body.Contains(messageId), 3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, statuses.Count);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }
}
