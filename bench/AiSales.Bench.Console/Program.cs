using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AiSales.Bench.Console;
using Microsoft.Playwright;
using static AiSales.Bench.Console.Percentiles;

// The console under a big inbox (issue 12): one merchant with 10 000 conversations and 200 000 messages. Measures the
// inbox's first load (the API's list, the page's server response and the browser's load event), a conversation of 500
// messages, and live updates (webhook acknowledged → bubble on screen) in 50 signed-in browsers watching at once.
// Usage: dotnet run -c Release -- [--conversations N] [--messages N] [--big N] [--watchers N] [--live N] [--interval-ms N] [--loads N]
var options = BenchOptions.Parse(args);
System.Console.WriteLine("Starting the AppHost (PostgreSQL, Redis, migrator, api, ai-agent, simulator, web)…");
await using var platform = await ConsolePlatform.StartAsync();
var (merchantId, ownerEmail, apiKey) = await platform.CreateMerchantAsync();
var staff = await platform.InviteStaffAsync(apiKey, Math.Max(0, options.Watchers - 1));

var seeding = Stopwatch.StartNew();
var seeded = await InboxSeed.RunAsync(platform.ConnectionString, merchantId, options.Conversations, options.Messages, options.Big);
var conversations = await InboxSeed.CountAsync(platform.ConnectionString, "SELECT count(*) FROM conversations WHERE merchant_id = $1", merchantId);
var messages = await InboxSeed.CountAsync(platform.ConnectionString, "SELECT count(*) FROM messages WHERE merchant_id = $1", merchantId);
System.Console.WriteLine($"Seeded {conversations:N0} conversations and {messages:N0} messages in {seeding.Elapsed.TotalSeconds:0} s.");

// The API alone, as the console calls it (a signed-in person's token).
using var api = platform.Api();
using (var signIn = await api.PostAsJsonAsync("/api/auth/sign-in", new { email = ownerEmail, password = ConsolePlatform.OwnerPassword }))
{
    var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
    api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
}

// A URL with {after} is read page by page, as the console reads a conversation (pages of 200, nextAfter).
async Task<List<double>> TimeApiAsync(string url)
{
    var times = new List<double>();
    for (var i = 0; i < options.Loads + 2; i++)
    {
        var started = Stopwatch.GetTimestamp();
        long? after = 0;
        while (after is { } from)
        {
            using var response = await api.GetAsync(url.Replace("{after}", from.ToString()));
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            after = url.Contains("{after}") && body.TryGetProperty("nextAfter", out var next) && next.ValueKind == JsonValueKind.Number ? next.GetInt64() : null;
        }

        if (i >= 2)
        {
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // the first two warm the connection and plans
        }
    }

    return times;
}

System.Console.WriteLine($"API GET /api/conversations (first page): {Summary(await TimeApiAsync("/api/conversations"))}");
System.Console.WriteLine($"API GET /api/conversations?unanswered=true: {Summary(await TimeApiAsync("/api/conversations?unanswered=true"))}");
System.Console.WriteLine($"API GET /api/conversations/{{id}} (the {options.Big}-message conversation): {Summary(await TimeApiAsync($"/api/conversations/{seeded.BigConversationId}"))}");
System.Console.WriteLine($"API GET /api/conversations/{{id}}/messages, all pages of the {options.Big}-message conversation: {Summary(await TimeApiAsync($"/api/conversations/{seeded.BigConversationId}/messages?limit=200&after={{after}}"))}");
System.Console.WriteLine($"API GET /api/conversations/{{id}}/messages?before=0&limit=50 (the newest page, as the console opens it): {Summary(await TimeApiAsync($"/api/conversations/{seeded.BigConversationId}/messages?before=0&limit=50"))}");

// The overview's figures (not a target of this bench, which signs in straight to the inbox).
var stats = Stopwatch.StartNew();
using (var response = await api.GetAsync("/api/stats"))
{
    System.Console.WriteLine($"API GET /api/stats (30 days): {(int)response.StatusCode} in {stats.ElapsedMilliseconds} ms");
}

await using var browsers = await Browsers.StartAsync(platform.WebAddress);
var page = await browsers.SignedInPageAsync(ownerEmail, ConsolePlatform.OwnerPassword);

async Task MeasurePageAsync(string name, string path, Func<IPage, Task> shown)
{
    List<double> response = [], load = [], visible = [];
    for (var i = 0; i < options.Loads + 1; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var (responseMs, loadMs) = await Browsers.TimedGotoAsync(page, browsers.Url(path));
        await shown(page);
        if (i > 0)
        {
            (response, load, visible) = ([.. response, responseMs], [.. load, loadMs], [.. visible, Stopwatch.GetElapsedTime(started).TotalMilliseconds]);
        }
    }

    System.Console.WriteLine($"{name}: server response {Summary(response)}");
    System.Console.WriteLine($"{name}: browser load event {Summary(load)}");
    System.Console.WriteLine($"{name}: until shown and live {Summary(visible)}");
}

await MeasurePageAsync("Inbox /inbox", "/inbox", p => p.Locator("[data-testid=live][data-live=true]").WaitForAsync());
try
{
    // Shown: the newest page (the console opens a conversation on its newest 50 messages, older ones load as the reader
    // scrolls up) and the live stream connected.
    var newest = Math.Min(options.Big, 50);
    await MeasurePageAsync($"Conversation of {options.Big} messages (its newest {newest} shown)", $"/inbox/{seeded.BigConversationId}", async p =>
    {
        await p.WaitForFunctionAsync("n => document.querySelectorAll('.bubble').length >= n", newest, new PageWaitForFunctionOptions { Timeout = 60_000 });
        await p.Locator("[data-testid=live][data-live=true]").WaitForAsync();
    });

    // Scrolling up to the first message: each older page is read as the top of the list comes into view.
    var scrolled = Stopwatch.StartNew();
    await page.WaitForFunctionAsync(
        "n => { const list = document.querySelector('.messages'); list.scrollTop = -list.scrollHeight; return document.querySelectorAll('.bubble').length >= n; }",
        options.Big, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });
    System.Console.WriteLine($"Conversation of {options.Big} messages: scrolled up to its first message in {scrolled.ElapsedMilliseconds} ms");
}
catch (TimeoutException)
{
    var texts = await page.Locator(".bubble .text").AllTextContentsAsync();
    var body = await page.InnerTextAsync("body");
    await page.ScreenshotAsync(new() { Path = "/tmp/bench-console-conversation.png" });
    System.Console.WriteLine($"The conversation did not show {options.Big} bubbles within 60 s: {texts.Count} shown, the last: {texts.LastOrDefault()}; "
        + $"at {page.Url}: {body[..Math.Min(300, body.Length)].ReplaceLineEndings(" ")}");
}


// Live: every watcher (the owner, then a different staff member each) opens the same conversation, then a customer
// writes `live` messages into it.
System.Console.WriteLine($"Signing in {options.Watchers} watchers…");
var watchers = new List<IPage>();
for (var i = 0; i < options.Watchers; i++)
{
    var watcher = i == 0 ? page : await browsers.SignedInPageAsync(staff[i - 1], ConsolePlatform.OwnerPassword);
    await watcher.GotoAsync(browsers.Url($"/inbox/{seeded.LiveConversationId}"));
    await watcher.Locator("[data-testid=live][data-live=true]").WaitForAsync();
    await Browsers.WatchBubblesAsync(watcher, "live-");
    watchers.Add(watcher);
}

await using var stages = new LiveStages(api, platform.ConnectionString, merchantId);
await stages.StartAsync();
var idle = await PageWork.StartAsync(watchers.Take(5));
await Task.Delay(TimeSpan.FromSeconds(10));
await idle.ReportAsync(0, 10);
var work = await PageWork.StartAsync(watchers.Take(5));
System.Console.WriteLine($"{options.Live} live messages, one every {options.IntervalMs} ms, to {watchers.Count} watchers…");
var live = new LiveMessages(api, seeded.PhoneNumberId, seeded.LiveCustomerPhone);
var acknowledged = new Dictionary<string, long>();
for (var k = 0; k < options.Live; k++)
{
    var text = $"live-{k:D4}";
    acknowledged[text] = await live.SendAsync(text);
    await Task.Delay(options.IntervalMs);
}

// Each bubble is waited for up to 60 s after the last message: "missing" means never shown, not shown late.
var seenBy = await Browsers.WaitUntilSeenAsync(watchers, acknowledged.Keys, TimeSpan.FromSeconds(60));
await work.ReportAsync(options.Live);
var latencies = new List<double>();
var missing = 0;
foreach (var seen in seenBy)
{
    foreach (var (text, ackedAt) in acknowledged)
    {
        if (seen.TryGetValue(text, out var at))
        {
            latencies.Add(Math.Max(0, at - ackedAt));
        }
        else
        {
            missing++;
        }
    }
}

System.Console.WriteLine($"Live update, webhook acknowledged → bubble on screen, {watchers.Count} watchers: {Summary(latencies)}; missing {missing}");
await stages.ReportAsync(acknowledged, seenBy);
var complete = seenBy.Count(seen => acknowledged.Keys.All(seen.ContainsKey));
var blank = seenBy.FindAll(seen => !acknowledged.Keys.Any(seen.ContainsKey)).Count;
var firstBlank = seenBy.FindIndex(seen => !acknowledged.Keys.Any(seen.ContainsKey));
System.Console.WriteLine($"Watchers that showed all {options.Live} / some / none: {complete} / {watchers.Count - complete - blank} / {blank}"
    + (firstBlank >= 0 ? $"; watcher {firstBlank}: {await Browsers.DescribeAsync(watchers[firstBlank])}" : ""));
return missing == 0 ? 0 : 1;
