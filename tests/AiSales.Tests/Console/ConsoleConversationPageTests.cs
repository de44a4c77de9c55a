using AiSales.Tests.MerchantApi;
using Microsoft.Playwright;
using Npgsql;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>A conversation in a real Chromium: its newest page first, older pages on scroll, live changes applied in place, customers' files.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleConversationPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    private const string OnePixelPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task ALongConversationOpensOnItsNewestPageLoadsOlderOnScrollAndAppliesLiveChangesWithoutReloading()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(30));
        await ExecuteAsync(db, """
            INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, sent_at)
            SELECT $1, $2, 'whatsapp', 'ext-' || gen_random_uuid(), 'inbound', 'customer', 'm-' || lpad(i::text, 3, '0'), now() - interval '20 minutes' + i * interval '1 second'
            FROM generate_series(1, 119) i
            """, merchant.Id, conversation.Id);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        await page.Locator("[data-testid=live][data-live=true]").WaitForAsync();
        await page.Locator(".bubble .text").Filter(new() { HasText = "m-119" }).WaitForAsync();
        Assert.Equal(50, await page.Locator(".bubble").CountAsync());
        Assert.Equal("true", await page.Locator("[data-testid=older]").GetAttributeAsync("data-more"));

        await page.WaitForFunctionAsync(
            "() => { const list = document.querySelector('.messages'); list.scrollTop = -list.scrollHeight; return document.querySelectorAll('.bubble').length >= 120; }",
            null, new PageWaitForFunctionOptions { Timeout = 15_000, PollingInterval = 100 });
        var texts = await page.Locator(".bubble .text").AllInnerTextsAsync();
        Assert.Equal(["m-001", "m-002"], texts.Reverse().Skip(1).Take(2)); // written newest first; the first is the seeded greeting
        Assert.Equal("false", await page.Locator("[data-testid=older]").GetAttributeAsync("data-more"));

        // Live: a reply appears, then its tick moves, in the same page (no navigation, no reload of the list).
        await page.EvaluateAsync("() => window.__samePage = true");
        var replyId = await ScalarAsync(db, """
            INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, delivery_status, sent_at)
            VALUES ($1, $2, 'whatsapp', 'ext-' || gen_random_uuid(), 'outbound', 'ai', 'live reply', 'sent', now()) RETURNING id
            """, merchant.Id, conversation.Id);
        await page.Locator($".bubble[data-message-id='{replyId}'][data-status=sent]").WaitForAsync(new() { Timeout = 5_000 });
        await ExecuteAsync(db, "UPDATE messages SET delivery_status = 'read' WHERE id = $1 AND merchant_id = $2", replyId, merchant.Id);
        await page.Locator($".bubble[data-message-id='{replyId}'][data-status=read]").WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal(121, await page.Locator(".bubble").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"));
    }

    [Fact]
    public async Task ACustomersImageIsShownInlineAndAFileIsADownloadBothThroughTheConsole()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5));
        var image = await StoredMediaAsync(db, merchant.Id, conversation.Id, "image", "image/png", Convert.FromBase64String(OnePixelPng));
        var document = await StoredMediaAsync(db, merchant.Id, conversation.Id, "document", "application/pdf", "%PDF-1.4 test"u8.ToArray());
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);

        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        var img = page.Locator($"img.media-image[src='/media/{image}']");
        await img.WaitForAsync();
        await page.WaitForFunctionAsync("e => e.complete && e.naturalWidth === 1", await img.ElementHandleAsync());
        var link = page.Locator($"a.media-file[href='/media/{document}']");
        await link.WaitForAsync();

        // The browser holds only its cookie: the file comes from the console, which calls the API with the token.
        var response = await page.APIRequest.GetAsync(Fixture.Web($"/media/{document}"));
        Assert.Equal(200, response.Status);
        Assert.StartsWith("attachment", response.Headers["content-disposition"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.DoesNotContain(merchant.ApiKey, await page.ContentAsync());

        // Another shop's person gets a 404 for the same file, through the console as through the API.
        var intruder = await SignedInPageAsync(Fixture, await CreateMerchantAsync(api));
        Assert.Equal(404, (await intruder.APIRequest.GetAsync(Fixture.Web($"/media/{image}"))).Status);
    }

    [Fact]
    public async Task AFileThatArrivesWhileTheConversationIsOpenIsShownOnceItIsFetchedWithoutReloading()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        var conversation = await MerchantApiTestData.SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5));
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web($"/inbox/{conversation.Id}"));
        await page.Locator("[data-testid=live][data-live=true]").WaitForAsync();

        // The webhook stores the message with its file still to fetch; the fetcher later changes only the media row (here
        // the test does, the fetcher's next attempt being an hour away).
        var image = await StoredMediaAsync(db, merchant.Id, conversation.Id, "image", "image/png", Convert.FromBase64String(OnePixelPng), state: "pending");
        await page.Locator("[data-testid=media][data-state=pending]").WaitForAsync(new() { Timeout = 5_000 });
        await page.EvaluateAsync("() => window.__samePage = true");
        await ExecuteAsync(db, "UPDATE media SET state = 'stored', fetched_at = now() WHERE id = $1", image);

        await page.Locator($"img.media-image[src='/media/{image}']").WaitForAsync(new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"));
    }

    private static async Task<Guid> StoredMediaAsync(
        NpgsqlDataSource db, Guid merchantId, Guid conversationId, string type, string mime, byte[] bytes, string state = "stored")
    {
        var mediaId = Guid.NewGuid();
        var key = $"{merchantId:N}/{mediaId:N}";
        // The AppHost's API keeps files in its default folder (Media__Directory unset): aisales-media in the temp folder.
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aisales-media", merchantId.ToString("N"), mediaId.ToString("N"));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
        await ExecuteAsync(db, """
            WITH message AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, kind, sent_at)
                VALUES ($1, $2, 'whatsapp', 'ext-' || gen_random_uuid(), 'inbound', 'customer', $4, now()) RETURNING id)
            INSERT INTO media (id, merchant_id, message_id, platform, type, graph_media_id, state, mime_type, size_bytes, blob_key, fetched_at, next_attempt_at)
            SELECT $3, $1, message.id, 'whatsapp', $4, 'graph-' || $3, $8, $5, $6, $7, now(), now() + interval '1 hour' FROM message
            """, merchantId, conversationId, mediaId, type, mime, (long)bytes.Length, key, state);
        return mediaId;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
