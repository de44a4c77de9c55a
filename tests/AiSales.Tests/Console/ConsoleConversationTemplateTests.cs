using System.Net;
using System.Text.Json;
using AiSales.Tests.MerchantApi;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// A WhatsApp template sent from a conversation in a real Chromium (docs/templates.md): picked from the simulator's
/// WhatsApp Business Account, its parameter filled, delivered through the Graph fake, shown like a person's reply.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleConversationTemplateTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task WithTheWindowClosedAPersonPicksAnApprovedTemplateFillsItsParameterAndSendsIt()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture, wabaId: ConsoleShop.DemoWabaId);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, shop.Merchant.Id, "whatsapp", TimeSpan.FromHours(30), status: "human");
        var page = await SignedInPageAsync(Fixture, shop.Merchant, width: 1280);
        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        await page.Locator("[data-testid=live][data-live=true]").WaitForAsync();

        // The 24-hour window closed 6 hours ago: no free-form reply, and the template sender stands out.
        Assert.Contains("24", await page.Locator("[data-testid=reply-rule].blocked").InnerTextAsync());
        Assert.True(await page.Locator(".reply textarea").First.IsDisabledAsync());
        await page.Locator("[data-testid=template-sender].prominent").WaitForAsync();

        await page.Locator("[data-testid=template-open]").ClickAsync();
        await page.Locator("[data-testid=template-sender] .mud-select").First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await options.First.WaitForAsync();
        // The simulator's WABA also has eid_sale, PENDING: not offered.
        Assert.Equal(["order_update · ar", "order_update · en", "welcome_back · ar", "welcome_back · en"],
            (await options.AllInnerTextsAsync()).Select(t => t.Trim()));
        await options.Filter(new() { HasText = "welcome_back · en" }).ClickAsync();
        await page.Locator("[data-testid=template-body]").Filter(new() { HasText = "Hello {{1}}! New arrivals are in" }).WaitForAsync();
        var parameters = page.Locator("input[data-testid=template-parameter]");
        Assert.Equal(1, await parameters.CountAsync());
        Assert.True(await page.Locator("[data-testid=template-send]").IsDisabledAsync());

        var name = $"Noura {Guid.NewGuid():N}"[..14];
        await parameters.FillAsync(name);
        await page.Locator("[data-testid=template-body]").Filter(new() { HasText = $"Hello {name}! New arrivals" }).WaitForAsync();

        await ScreenshotAsync(page, "console-template-sender-1280");
        await page.Locator("[data-testid=template-send]").ClickAsync();

        await page.Locator(".bubble.outbound[data-author=human] .text")
            .Filter(new() { HasText = $"Hello {name}! New arrivals are in — would you like to see them?" }).WaitForAsync();
        await page.Locator("[data-testid=template-open]").WaitForAsync();
        var sent = await WaitForTemplateSendAsync(shop, name);
        Assert.Equal(conversation.Handle, sent.GetProperty("to").GetString());
        var template = sent.GetProperty("template");
        Assert.Equal("welcome_back", template.GetProperty("name").GetString());
        Assert.Equal("en", template.GetProperty("language").GetProperty("code").GetString());
        var body = Assert.Single(template.GetProperty("components").EnumerateArray());
        Assert.Equal([name], body.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task OnAPhoneInArabicTheSenderSaysWhyItHasNoTemplatesThenFitsAndReadsRightToLeftAndInstagramHasNone()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture); // no WhatsApp Business Account id: the API answers 409
        await using var db = Fixture.Platform.CreateDataSource();
        var whatsApp = await MerchantApiTestData.SeedConversationAsync(db, shop.Merchant.Id, "whatsapp", TimeSpan.FromHours(2));
        var instagram = await MerchantApiTestData.SeedConversationAsync(db, shop.Merchant.Id, "instagram", TimeSpan.FromHours(30), status: "human");
        var page = await SignedInPageAsync(Fixture, shop.Merchant);
        await OpenInArabicAsync(page, Fixture, $"/inbox/{whatsApp.Id}");
        await WaitForInteractiveAsync(page);

        // Inside the window the sender is there, not prominent.
        var sender = page.Locator("[data-testid=template-sender]");
        await sender.WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=template-sender].prominent").CountAsync());
        Assert.Equal("أرسل قالباً", (await page.Locator("[data-testid=template-open]").InnerTextAsync()).Trim());
        await page.Locator("[data-testid=template-open]").ClickAsync();
        var problem = sender.Locator(".problem[data-status='409']");
        await problem.WaitForAsync();
        Assert.Contains("لم يُحدَّد معرّف حساب واتساب للأعمال", await problem.InnerTextAsync());

        // With the account's id set, the same button lists the templates, and the form fits the phone, right to left.
        using (var api = Fixture.CreateApiClient())
        using (var connected = await SendAsync(api, HttpMethod.Put, "/api/merchant/channels/whatsapp", shop.Merchant.ApiKey,
            new { phoneNumberId = shop.PhoneNumberId, accessToken = shop.AccessToken, wabaId = ConsoleShop.DemoWabaId }))
        {
            Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        }

        await page.Locator("[data-testid=template-open]").ClickAsync();
        await sender.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "welcome_back · ar" }).ClickAsync();
        await page.Locator("input[data-testid=template-parameter]").FillAsync("نورة");
        await page.Locator("[data-testid=template-body]").Filter(new() { HasText = "أهلًا نورة!" }).WaitForAsync();
        await WaitForRightToLeftAsync(page, "[data-testid=template-body]");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The conversation is wider than the phone.");
        await ScreenshotAsync(page, "console-template-sender-ar-390");

        await page.GotoAsync(Fixture.Web($"/inbox/{instagram.Id}"));
        await page.Locator("[data-testid=reply-rule]").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=template-sender]").CountAsync());
    }

    /// <summary>The template message the Graph fake received from this shop's number with its token, answered 200.</summary>
    private async Task<JsonElement> WaitForTemplateSendAsync(ConsoleShop shop, string parameter)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var request in await shop.GraphRequestsAsync(Fixture))
            {
                using var body = JsonDocument.Parse(request.GetProperty("body").GetString()!);
                if (body.RootElement.TryGetProperty("type", out var type) && type.GetString() == "template"
                    && body.RootElement.GetRawText().Contains(parameter, StringComparison.Ordinal))
                {
                    Assert.Equal($"Bearer {shop.AccessToken}", request.GetProperty("authorization").GetString());
                    Assert.Equal(200, request.GetProperty("statusCode").GetInt32());
                    return body.RootElement.Clone();
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("No template message reached the Graph fake.");
    }
}
