using System.Net;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The inbox in a real Chromium: a DM appears live, a person takes over and replies through the Graph fake, untrusted text stays text.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleInboxPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    // A script tag and a right-to-left override (U+202E): both must reach the page as plain text.
    private const string HostileText = "<script>window.pwned=1</script> \u202Egnp.exe hello";

    [Fact]
    public async Task ACustomerDmAppearsLiveThenAPersonTakesOverRepliesAndGivesBack()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture);
        var page = await SignedInPageAsync(Fixture, shop.Merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/inbox"));
        await page.Locator("[data-testid=live][data-live=true]").WaitForAsync();

        var customer = ConsoleShop.NewCustomerPhone();
        await shop.SendCustomerTextAsync(Fixture, customer, "Layla <b>bold</b>", HostileText);
        // Live: the page is never reloaded. How fast (contract: within a second) is measured by the console bench
        // (bench/AiSales.Bench.Console --live, docs/benchmarks.md), not timed here.
        var item = page.Locator(".conversation-item").Filter(new LocatorFilterOptions { HasText = customer[^4..] }).Or(
            page.Locator(".conversation-item").Filter(new LocatorFilterOptions { HasText = "Layla" })).First;
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });

        await item.ClickAsync();
        var bubble = page.Locator(".bubble.inbound .text").First;
        await bubble.WaitForAsync();
        Assert.Equal(HostileText, await bubble.InnerTextAsync());
        Assert.Equal(0, await page.Locator(".messages script, .conversation-list script, .messages b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned"));
        Assert.Equal("Layla <b>bold</b>", (await page.Locator("[data-testid=conversation-customer]").InnerTextAsync()).Trim());

        await page.Locator("[data-testid=take-over]").ClickAsync();
        await page.Locator("[data-testid=conversation-status][data-status=human]").WaitForAsync();
        var reply = $"A person here, reply {Guid.NewGuid():N}"[..36];
        await page.Locator(".reply textarea").First.FillAsync(reply);
        await page.Locator("[data-testid=send]").ClickAsync();
        await page.Locator(".bubble.outbound[data-author=human] .text").Filter(new LocatorFilterOptions { HasText = reply }).WaitForAsync();
        await WaitForGraphSendAsync(shop, reply);
        await ScreenshotAsync(page, "console-inbox-conversation-1280");

        await page.Locator("[data-testid=give-back]").ClickAsync();
        await page.Locator("[data-testid=conversation-status][data-status=ai]").WaitForAsync();
        await page.Locator("[data-testid=reply-rule].blocked").WaitForAsync();
    }

    [Fact]
    public async Task WithASearchOnLiveMessagesKeepTheListToTheMatchingConversationAndTheSearchBoxKeepsItsText()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture);
        // The AI off: its reply would become the row's preview, racing the customer's text this test waits for.
        using (var api = Fixture.CreateApiClient())
        using (var aiOff = await SendAsync(api, HttpMethod.Put, "/api/merchant/ai-config", shop.Merchant.ApiKey,
            new { assistantName = "Sara", persona = "", language = "auto", greeting = "", aiEnabled = false, handoffKeywords = Array.Empty<string>() }))
        {
            Assert.Equal(HttpStatusCode.OK, aiOff.StatusCode);
        }

        var (samira, omar) = (ConsoleShop.NewCustomerPhone(), ConsoleShop.NewCustomerPhone());
        await shop.SendCustomerTextAsync(Fixture, samira, "Samira", "first from Samira");
        await shop.SendCustomerTextAsync(Fixture, omar, "Omar", "first from Omar");
        var page = await SignedInPageAsync(Fixture, shop.Merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/inbox"));
        await page.Locator("[data-testid=live][data-live=true]").WaitForAsync();
        await page.Locator(".conversation-item").Nth(1).WaitForAsync();

        var search = page.Locator(".inbox-filters input[type=text]").Last;
        await search.FillAsync("Samira");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.conversation-item').length === 1", null, new() { Timeout = 5_000 });
        await shop.SendCustomerTextAsync(Fixture, omar, "Omar", "Omar while filtered");
        await shop.SendCustomerTextAsync(Fixture, samira, "Samira", "Samira while filtered");

        await page.Locator(".conversation-item .preview").Filter(new() { HasText = "Samira while filtered" }).WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal(1, await page.Locator(".conversation-item").CountAsync());
        Assert.Equal("Samira", await search.InputValueAsync());
    }

    [Fact]
    public async Task OnAPhoneTheInboxIsUsableAndArabicIsRightToLeft()
    {
        var shop = await ConsoleShop.CreateAsync(Fixture);
        await shop.SendCustomerTextAsync(Fixture, ConsoleShop.NewCustomerPhone(), "نورة", "السلام عليكم، بكم الحقيبة السوداء؟");
        var page = await SignedInPageAsync(Fixture, shop.Merchant);
        await OpenInArabicAsync(page, Fixture, "/inbox");

        await page.Locator(".conversation-item").First.WaitForAsync();
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The inbox is wider than the phone.");
        await ScreenshotAsync(page, "console-inbox-ar-390");
        await WaitForInteractiveAsync(page);
        await page.Locator(".conversation-item").First.ClickAsync();
        await page.Locator(".bubble.inbound").First.WaitForAsync();
        await WaitForRightToLeftAsync(page, ".bubble.inbound .text");
        await ScreenshotAsync(page, "console-conversation-ar-390");
    }

    [Fact]
    public async Task AnotherMerchantsConversationIsNotFoundInTheConsole()
    {
        var victim = await ConsoleShop.CreateAsync(Fixture);
        await victim.SendCustomerTextAsync(Fixture, ConsoleShop.NewCustomerPhone(), "Secret Customer", "a private question");
        await using var db = Fixture.Platform.CreateDataSource();
        await using var find = db.CreateCommand("SELECT id FROM conversations WHERE merchant_id = $1");
        find.Parameters.AddWithValue(victim.Merchant.Id);
        var victimConversation = await WaitForAsync(async () => await find.ExecuteScalarAsync() as Guid?);
        using var api = Fixture.CreateApiClient();
        var intruder = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, intruder);

        var response = await page.GotoAsync(Fixture.Web($"/inbox/{victimConversation}"));

        Assert.Equal(404, response!.Status);
        await page.Locator("h1", new() { HasText = "Page not found" }).WaitForAsync();
        var html = await page.ContentAsync();
        Assert.DoesNotContain("Secret Customer", html);
        Assert.DoesNotContain("a private question", html);
    }

    private async Task WaitForGraphSendAsync(ConsoleShop shop, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var sends = await shop.GraphRequestsAsync(Fixture);
            if (sends.Any(s => s.GetProperty("body").GetString()!.Contains(text, StringComparison.Ordinal)
                && s.GetProperty("authorization").GetString() == $"Bearer {shop.AccessToken}"))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The human reply did not reach the Graph fake with the merchant's token.");
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read) where T : struct
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The row did not appear.");
    }
}
