using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

/// <summary>What a customer does on the simulator's page becomes the signed webhook Meta would send.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class CustomerSideTests(SimulatorTestHost host)
{
    [Fact]
    public async Task ArabicWhatsAppMessageBecomesASignedEscapedWebhookWithProfileName()
    {
        var (phoneNumberId, _) = await host.RegisterAccountAsync("whatsapp");
        var customer = "9665" + Random.Shared.Next(10_000_000, 99_999_999);
        const string text = "بكم الحقيبة السوداء؟ 👜";

        using var response = await host.Client.PostAsJsonAsync(
            $"/simulator/chats/whatsapp/{customer}/messages?account={phoneNumberId}", new { text, customerName = "سارة" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var webhook = Assert.Single(await host.WaitForWebhooksAsync(w => w.Body.Contains(customer), 1, TimeSpan.FromSeconds(10)));
        Assert.True(webhook.SignatureValid);
        Assert.Equal("whatsapp", webhook.Platform);
        // Meta escapes non-ASCII as \uXXXX: the raw body carries no Arabic letters, the parsed one does.
        Assert.DoesNotContain("الحقيبة", webhook.Body);
        Assert.Contains("\\u0628", webhook.Body);
        using var body = JsonDocument.Parse(webhook.Body);
        var value = body.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value");
        Assert.Equal(phoneNumberId, value.GetProperty("metadata").GetProperty("phone_number_id").GetString());
        Assert.Equal("سارة", value.GetProperty("contacts")[0].GetProperty("profile").GetProperty("name").GetString());
        var message = value.GetProperty("messages")[0];
        Assert.Equal(text, message.GetProperty("text").GetProperty("body").GetString());
        Assert.StartsWith("wamid.", message.GetProperty("id").GetString());
    }

    [Fact]
    public async Task BatchedDeliveryCarriesEveryMessageInOneBody()
    {
        var (accountId, _) = await host.RegisterAccountAsync("instagram");
        var customer = Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString();

        using var response = await host.Client.PostAsJsonAsync(
            $"/simulator/chats/instagram/{customer}/batch?account={accountId}", new { texts = new[] { "first", "second", "third" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var webhook = Assert.Single(await host.WaitForWebhooksAsync(w => w.Body.Contains(customer), 1, TimeSpan.FromSeconds(10)));
        using var body = JsonDocument.Parse(webhook.Body);
        var texts = body.RootElement.GetProperty("entry").EnumerateArray()
            .SelectMany(e => e.GetProperty("messaging").EnumerateArray())
            .Select(m => m.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(["first", "second", "third"], texts);
    }

    [Fact]
    public async Task DuplicateDeliverySendsTheSameBytesAgain()
    {
        var (phoneNumberId, _) = await host.RegisterAccountAsync("whatsapp");
        var customer = "9665" + Random.Shared.Next(10_000_000, 99_999_999);
        using (await host.Client.PostAsJsonAsync($"/simulator/chats/whatsapp/{customer}/messages?account={phoneNumberId}", new { text = "hello" }))
        {
        }

        using var response = await host.Client.PostAsJsonAsync($"/simulator/chats/whatsapp/{customer}/duplicate?account={phoneNumberId}", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var webhooks = await host.WaitForWebhooksAsync(w => w.Body.Contains(customer), 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, webhooks.Count);
        Assert.Equal(webhooks[0].Body, webhooks[1].Body);
    }

    [Fact]
    public async Task StoryMentionBecomesAnInstagramStoryMentionAttachment()
    {
        var (accountId, _) = await host.RegisterAccountAsync("instagram");
        var customer = Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString();

        using var response = await host.Client.PostAsJsonAsync($"/simulator/chats/instagram/{customer}/story-mention?account={accountId}", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var webhook = Assert.Single(await host.WaitForWebhooksAsync(w => w.Body.Contains(customer), 1, TimeSpan.FromSeconds(10)));
        using var body = JsonDocument.Parse(webhook.Body);
        var item = body.RootElement.GetProperty("entry")[0].GetProperty("messaging")[0];
        Assert.Equal(accountId, item.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("story_mention", item.GetProperty("message").GetProperty("attachments")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task ReactionWithoutAShopMessageIsRefusedClearly()
    {
        var (phoneNumberId, _) = await host.RegisterAccountAsync("whatsapp");

        using var response = await host.Client.PostAsJsonAsync($"/simulator/chats/whatsapp/966511111111/reaction?account={phoneNumberId}", new { text = "❤️" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("react", await response.Content.ReadAsStringAsync());
    }
}
