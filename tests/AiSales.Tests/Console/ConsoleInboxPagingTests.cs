using Microsoft.Playwright;
using Npgsql;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The inbox past its first 50 conversations in a real Chromium: Show more with the API's cursor, the filters, live moves.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleInboxPagingTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task ShowMoreReadsTheNextPagesInOrderWithTheFiltersAndALiveMoveNeitherDropsNorRepeatsARow()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        await using var db = Fixture.Platform.CreateDataSource();
        // 120 conversations, newest first: Match 01, Other 01, Match 02, Other 02 … Match 60, Other 60.
        await ExecuteAsync(db, """
            WITH numbered AS (
                SELECT i, (CASE WHEN i % 2 = 1 THEN 'Match ' ELSE 'Other ' END) || lpad(((i + 1) / 2)::text, 2, '0') AS name,
                       '96650000' || lpad(i::text, 4, '0') AS phone
                FROM generate_series(1, 120) i
            ), customer AS (
                INSERT INTO customers (merchant_id, platform, phone, display_name)
                SELECT $1, 'whatsapp', phone, name FROM numbered RETURNING id, phone
            )
            INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, status, last_customer_message_at, last_activity_at)
            SELECT $1, customer.id, 'whatsapp', customer.phone, 'ai', now() - numbered.i * interval '1 minute', now() - numbered.i * interval '1 minute'
            FROM customer JOIN numbered ON numbered.phone = customer.phone
            """, merchant.Id);
        var all = Enumerable.Range(1, 60).SelectMany(n => new[] { $"Match {n:D2}", $"Other {n:D2}" }).ToList();
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/inbox"));
        await page.Locator("[data-testid=live][data-live=true]").WaitForAsync();
        var more = page.Locator("button[data-testid=more-conversations]");

        await WaitForRowsAsync(page, 50);
        Assert.Equal(all.Take(50), await NamesAsync(page));
        await more.ClickAsync();
        await WaitForRowsAsync(page, 100);
        Assert.Equal(all.Take(100), await NamesAsync(page));

        // Two customers write: one whose row is on the second page, one on the page not read yet. Both move to the top,
        // no row read before goes away, and the next page repeats neither.
        await CustomerWritesAsync(db, merchant.Id, "Match 55");
        await CustomerWritesAsync(db, merchant.Id, "Other 30");
        await page.Locator(".conversation-item").First.Filter(new() { HasText = "Other 30" }).WaitForAsync(new() { Timeout = 5_000 });
        string[] moved = ["Other 30", "Match 55"];
        Assert.Equal([.. moved, .. all.Take(100).Except(moved)], await NamesAsync(page));
        await more.ClickAsync();
        await WaitForRowsAsync(page, 120);
        Assert.Equal([.. moved, .. all.Except(moved)], await NamesAsync(page));
        Assert.Equal(0, await more.CountAsync());

        // With a search on, the next page keeps to it: the 60th match is reached, and no other row.
        await page.Locator(".inbox-filters input[type=text]").Last.FillAsync("Match");
        await WaitForRowsAsync(page, 50);
        await more.ClickAsync();
        await WaitForRowsAsync(page, 60);
        var matches = all.Where(n => n.StartsWith("Match", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Match 55", .. matches.Except(["Match 55"])], await NamesAsync(page));
        Assert.Equal(0, await more.CountAsync());
    }

    private static async Task<List<string>> NamesAsync(IPage page) =>
        [.. (await page.Locator(".conversation-item .customer").AllInnerTextsAsync()).Select(n => n.Trim())];

    private static Task WaitForRowsAsync(IPage page, int count) => page.WaitForFunctionAsync(
        "n => document.querySelectorAll('.conversation-item').length === n", count, new() { Timeout = 15_000 });

    /// <summary>A customer message, stored as ingestion stores it: the conversation's activity moves to now.</summary>
    private static Task CustomerWritesAsync(NpgsqlDataSource db, Guid merchantId, string customer) => ExecuteAsync(db, """
        WITH conversation AS (
            UPDATE conversations c SET last_activity_at = now(), last_customer_message_at = now(), updated_at = now()
            FROM customers cu WHERE cu.id = c.customer_id AND c.merchant_id = $1 AND cu.display_name = $2
            RETURNING c.id
        )
        INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, sent_at)
        SELECT $1, conversation.id, 'whatsapp', 'ext-' || gen_random_uuid(), 'inbound', 'customer', 'still there?', now() FROM conversation
        """, merchantId, customer);

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }
}
