using System.Globalization;
using System.Net;
using AiSales.Tests.MerchantApi;
using Microsoft.Playwright;
using static AiSales.Tests.MerchantApi.StatsSeed;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The overview page in a real Chromium: the API's stats for 7 and 30 days, and a chart per figure with its numbers.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleOverviewPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    private static readonly string[] Charts = ["conversations", "ai-share", "handoffs", "orders", "revenue", "conversion", "first-response"];

    // Days before today (UTC); the page reads its own today, so a run across midnight shifts nothing asserted here.
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly Day1 = Today.AddDays(-1);
    private static readonly DateOnly Day2 = Today.AddDays(-2);
    private static readonly DateOnly Day3 = Today.AddDays(-3);
    private static readonly DateOnly Day12 = Today.AddDays(-12);

    [Fact]
    public async Task TheOverviewShowsTheShopsConversationsOrdersAndConversion()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5));
        await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "instagram", TimeSpan.FromMinutes(3));
        var orderId = await MerchantApiTestData.SeedOrderAsync(db, merchant.Id, conversation.Id);
        using (var confirmed = await SendAsync(api, HttpMethod.Patch, $"/api/orders/{orderId}", merchant.ApiKey, new { status = "confirmed" }))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        var week = page.Locator(".figures[data-days='7']");
        await week.WaitForAsync();
        Assert.Equal("2", await week.Locator("[data-figure=conversations]").InnerTextAsync());
        Assert.Equal("1", await week.Locator("[data-figure=orders]").InnerTextAsync());
        Assert.Equal("50%", await week.Locator("[data-figure=conversion]").InnerTextAsync());
        Assert.Contains("25.25 SAR", await week.Locator("[data-figure=revenue]").InnerTextAsync());
        Assert.Equal("2", await page.Locator(".figures[data-days='30'] [data-figure=conversations]").InnerTextAsync());
        await page.Locator(".chart svg").First.WaitForAsync();
    }

    [Fact]
    public async Task EveryFigureIsChartedPerDayWithItsNumbersForThirtyDaysThenSeven()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await SeedThreeActiveDaysAsync(merchant.Id);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await WaitForInteractiveAsync(page);

        await page.Locator(".charts-period[data-period='30']").WaitForAsync();
        Assert.Equal("5", await page.Locator(".figures[data-days='30'] [data-figure=conversations]").InnerTextAsync());
        Assert.Equal("4", await page.Locator(".figures[data-days='7'] [data-figure=conversations]").InnerTextAsync());
        foreach (var chart in Charts)
        {
            await page.Locator($"[data-chart='{chart}'] svg .mud-charts-yaxis text").First.WaitForAsync();
        }

        await ScreenshotAsync(page, "console-overview-1280");
        await OpenEveryTableAsync(page);
        foreach (var chart in Charts)
        {
            Assert.Equal(30, await page.Locator($"[data-chart='{chart}'] tbody tr").CountAsync());
        }

        Assert.Equal(Day1.ToString("D", CultureInfo.GetCultureInfo("en")), await DateShownAsync(page, "conversations", Day1));
        await AssertDayAsync(page, Day1, conversations: "3", aiShare: "75%", handoffs: "1", orders: "1", sar: "25.25", usd: "0.00", conversion: "33%", firstResponse: "7");
        await AssertDayAsync(page, Day2, conversations: "0", aiShare: "—", handoffs: "0", orders: "0", sar: "0.00", usd: "0.00", conversion: "—", firstResponse: "—");
        await AssertDayAsync(page, Day3, conversations: "1", aiShare: "0%", handoffs: "1", orders: "2", sar: "5.50", usd: "10.00", conversion: "200%", firstResponse: "30");
        await AssertDayAsync(page, Day12, conversations: "1", aiShare: "—", handoffs: "0", orders: "0", sar: "0.00", usd: "0.00", conversion: "0%", firstResponse: "—");

        await page.Locator("a[data-period='7']").ClickAsync();
        await page.WaitForURLAsync("**/?days=7");
        await page.Locator(".charts-period[data-period='7']").WaitForAsync();
        Assert.Equal("page", await page.Locator("a[data-period='7']").GetAttributeAsync("aria-current"));
        await OpenEveryTableAsync(page);
        foreach (var chart in Charts)
        {
            Assert.Equal(7, await page.Locator($"[data-chart='{chart}'] tbody tr").CountAsync());
        }

        Assert.Equal(0, await page.Locator($"[data-chart=conversations] tr[data-date='{Iso(Day12)}']").CountAsync());
        await AssertDayAsync(page, Day1, conversations: "3", aiShare: "75%", handoffs: "1", orders: "1", sar: "25.25", usd: "0.00", conversion: "33%", firstResponse: "7");
        await AssertDayAsync(page, Day3, conversations: "1", aiShare: "0%", handoffs: "1", orders: "2", sar: "5.50", usd: "10.00", conversion: "200%", firstResponse: "30");

        await page.Locator("a[data-period='30']").ClickAsync();
        await page.Locator(".charts-period[data-period='30']").WaitForAsync();
        Assert.Equal(30, await page.Locator("[data-chart=handoffs] tbody tr").CountAsync());
    }

    [Fact]
    public async Task InArabicTheChartsHeadingsDatesAndNumbersReadArabicRightToLeft()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var seed = new StatsSeed(db, merchant.Id);
        var conversation = await seed.ConversationAsync(At(Day1, "10:00:00"));
        await seed.MessageAsync(conversation, "customer", At(Day1, "10:00:00"));
        await seed.MessageAsync(conversation, "ai", At(Day1, "10:00:04.5"));
        var page = await SignedInPageAsync(Fixture, merchant);

        await OpenInArabicAsync(page, Fixture, "/?days=7");
        await page.Locator(".charts-period[data-period='7']").WaitForAsync();
        await WaitForRightToLeftAsync(page, "[data-chart=first-response]");
        await WaitForInteractiveAsync(page);

        Assert.Equal("وسيط زمن أول رد يومياً بالثواني", (await page.Locator("[data-chart=first-response] h3").InnerTextAsync()).Trim());
        Assert.Equal("7 أيام", (await page.Locator("a[data-period='7']").InnerTextAsync()).Trim());
        await page.Locator("[data-chart=first-response] svg .mud-charts-yaxis text").First.WaitForAsync();
        await ScreenshotAsync(page, "console-overview-charts-ar-390");
        await OpenEveryTableAsync(page);
        Assert.Equal(Day1.ToString("D", CultureInfo.GetCultureInfo("ar")), await DateShownAsync(page, "first-response", Day1));
        Assert.Equal("4٫5", await CellAsync(page, "first-response", Day1));
        Assert.Equal("100٪؜", await CellAsync(page, "ai-share", Day1));
    }

    // Day 1: three conversations, 3 AI replies and 1 person's, first responses of 4 s and 10 s, a handoff, one order in SAR.
    // Day 3: one conversation answered by a person in 30 s, a handoff, two orders (USD, and SAR for day 1's conversation).
    // Day 12: a conversation nobody answered. 45 days ago: a conversation and an order that no period includes.
    private async Task SeedThreeActiveDaysAsync(Guid merchantId)
    {
        await using var db = Fixture.Platform.CreateDataSource();
        var seed = new StatsSeed(db, merchantId);
        var c1 = await seed.ConversationAsync(At(Day1, "10:00:00"));
        await seed.MessageAsync(c1, "customer", At(Day1, "10:00:00"));
        await seed.MessageAsync(c1, "ai", At(Day1, "10:00:04"));
        await seed.MessageAsync(c1, "customer", At(Day1, "10:01:00"));
        await seed.MessageAsync(c1, "ai", At(Day1, "10:01:05"));
        var c2 = await seed.ConversationAsync(At(Day1, "11:00:00"));
        await seed.MessageAsync(c2, "customer", At(Day1, "11:00:00"));
        await seed.MessageAsync(c2, "human", At(Day1, "11:00:10"));
        await seed.MessageAsync(c2, "ai", At(Day1, "11:00:20"));
        await seed.HandoffAsync(c2, "human", "ai", At(Day1, "11:00:05"));
        var c3 = await seed.ConversationAsync(At(Day1, "12:00:00"));
        await seed.MessageAsync(c3, "customer", At(Day1, "12:00:00"));
        await seed.OrderAsync(c1, "confirmed", "SAR", 25.250m, At(Day1, "10:05:00"));

        var c4 = await seed.ConversationAsync(At(Day3, "09:00:00"));
        await seed.MessageAsync(c4, "customer", At(Day3, "09:00:00"));
        await seed.MessageAsync(c4, "human", At(Day3, "09:00:30"));
        await seed.HandoffAsync(c4, "human", "ai", At(Day3, "09:00:10"));
        await seed.OrderAsync(c4, "confirmed", "USD", 10m, At(Day3, "09:10:00"));
        await seed.OrderAsync(c1, "confirmed", "SAR", 5.5m, At(Day3, "09:20:00"));

        var c5 = await seed.ConversationAsync(At(Day12, "08:00:00"));
        await seed.MessageAsync(c5, "customer", At(Day12, "08:00:00"));
        var c6 = await seed.ConversationAsync(At(Today.AddDays(-45), "08:00:00"));
        await seed.MessageAsync(c6, "customer", At(Today.AddDays(-45), "08:00:00"));
        await seed.OrderAsync(c6, "confirmed", "SAR", 99m, At(Today.AddDays(-45), "08:10:00"));
    }

    private static async Task AssertDayAsync(
        IPage page, DateOnly day, string conversations, string aiShare, string handoffs, string orders, string sar, string usd,
        string conversion, string firstResponse)
    {
        string[] expected = [conversations, aiShare, handoffs, orders, sar, usd, conversion, firstResponse];
        string[] shown =
        [
            await CellAsync(page, "conversations", day), await CellAsync(page, "ai-share", day), await CellAsync(page, "handoffs", day),
            await CellAsync(page, "orders", day), await CellAsync(page, "revenue", day, "SAR"), await CellAsync(page, "revenue", day, "USD"),
            await CellAsync(page, "conversion", day), await CellAsync(page, "first-response", day),
        ];
        Assert.True(expected.SequenceEqual(shown), $"{Iso(day)}: expected {string.Join(" | ", expected)}, shown {string.Join(" | ", shown)}");
    }

    private static async Task<string> CellAsync(IPage page, string chart, DateOnly day, string? series = null)
    {
        var row = page.Locator($"[data-chart='{chart}'] tr[data-date='{Iso(day)}']");
        return (await row.Locator(series is null ? "td" : $"td[data-series='{series}']").InnerTextAsync()).Trim();
    }

    private static async Task<string> DateShownAsync(IPage page, string chart, DateOnly day) =>
        (await page.Locator($"[data-chart='{chart}'] tr[data-date='{Iso(day)}'] th").InnerTextAsync()).Trim();

    // "Show the numbers" as a person would open it: each chart's <details>.
    private static async Task OpenEveryTableAsync(IPage page)
    {
        foreach (var details in await page.Locator(".chart details").AllAsync())
        {
            if (await details.GetAttributeAsync("open") is null)
            {
                await details.Locator("summary").ClickAsync();
            }
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
