using System.Net;
using System.Net.Http.Json;
using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The channels and keys page in a real Chromium: connect with the API's problems shown, a disconnected channel, API keys.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleChannelsPageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task OwnerConnectsWhatsAppSeesItDisconnectedAndReconnectsIt()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var (phoneNumberId, token) = await RegisterSimulatorAccountAsync(merchant.Name);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/channels"));
        await WaitForInteractiveAsync(page);
        var whatsapp = page.Locator(".channel-card[data-platform=whatsapp]");
        await whatsapp.Locator("[data-testid=channel-state]").WaitForAsync();
        Assert.Equal("none", await whatsapp.GetAttributeAsync("data-status"));

        await whatsapp.Locator("input[data-testid=account-id]").FillAsync("12 34");
        await whatsapp.Locator("input[data-testid=access-token]").FillAsync(token);
        await whatsapp.Locator("button[data-testid=connect]").ClickAsync();
        await whatsapp.Locator(".field-problem[data-field=phoneNumberId]").WaitForAsync();

        await whatsapp.Locator("input[data-testid=account-id]").FillAsync(phoneNumberId);
        await whatsapp.Locator("input[data-testid=access-token]").FillAsync(token);
        await whatsapp.Locator("button[data-testid=connect]").ClickAsync();
        await page.Locator(".channel-card[data-platform=whatsapp][data-status=connected]").WaitForAsync();
        Assert.Contains(token[^4..], await page.Locator(".channel-card[data-platform=whatsapp]").InnerTextAsync());
        Assert.DoesNotContain(token, await page.ContentAsync());

        // Meta rejected the token (what the agent records on error 190): the page says so and why.
        await using (var db = Fixture.Platform.CreateDataSource())
        await using (var disconnect = db.CreateCommand("UPDATE channels SET status = 'disconnected', status_reason = 'Meta error 190: token expired' WHERE merchant_id = $1"))
        {
            disconnect.Parameters.AddWithValue(merchant.Id);
            await disconnect.ExecuteNonQueryAsync();
        }

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await page.Locator(".channel-card[data-platform=whatsapp][data-status=disconnected]").WaitForAsync();
        Assert.Contains("token expired", await page.Locator(".channel-card[data-platform=whatsapp] [data-testid=channel-reason]").InnerTextAsync());
        await ScreenshotAsync(page, "console-channels-disconnected-1280");

        await page.Locator(".channel-card[data-platform=whatsapp] input[data-testid=access-token]").FillAsync(token);
        await page.Locator(".channel-card[data-platform=whatsapp] button[data-testid=connect]").ClickAsync();
        await page.Locator(".channel-card[data-platform=whatsapp][data-status=connected]").WaitForAsync();
    }

    [Fact]
    public async Task OwnerCreatesAKeyShownOnceThatWorksThenRevokesIt()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var page = await SignedInPageAsync(Fixture, merchant, width: 1280);
        await page.GotoAsync(Fixture.Web("/channels"));
        await WaitForInteractiveAsync(page);

        await page.Locator("input[data-testid=key-name]").FillAsync("zapier");
        await page.Locator("button[data-testid=create-key]").ClickAsync();
        var shown = page.Locator("input[data-testid=new-key]");
        await shown.WaitForAsync();
        var key = await shown.InputValueAsync();
        await page.Locator("[data-testid=copy-key]").ClickAsync();
        await page.Locator("[data-testid=copied]").WaitForAsync();
        using (var withKey = await SendAsync(api, HttpMethod.Get, "/api/merchant", key))
        {
            Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        }

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        Assert.Equal(0, await page.Locator("input[data-testid=new-key]").CountAsync());
        Assert.DoesNotContain(key, await page.ContentAsync());
        await page.Locator(".keys li[data-key-name=zapier] [data-testid=revoke]").ClickAsync();
        await page.Locator(".keys li[data-key-name=zapier][data-state=revoked]").WaitForAsync();
        using var revoked = await SendAsync(api, HttpMethod.Get, "/api/merchant", key);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task StaffSeeChannelsAndKeysButCannotChangeThem()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var owner = await ActivateAndSignInAsync(api, merchant.OwnerEmail, merchant.InviteToken);
        var staffEmail = UniqueEmail("staff");
        using var invited = await SendAsync(api, HttpMethod.Post, "/api/merchant/users", owner, new { email = staffEmail, role = "staff" });
        var staff = await ActivateAndSignInAsync(api, staffEmail, InviteToken((await invited.JsonAsync()).GetProperty("invite").GetProperty("url").GetString()!));
        using var keys = await SendAsync(api, HttpMethod.Get, "/api/merchant/keys", staff);
        var keyId = (await keys.JsonAsync()).EnumerateArray().First().GetProperty("id").GetGuid();

        using var connect = await SendAsync(api, HttpMethod.Put, "/api/merchant/channels/whatsapp", staff, new { phoneNumberId = "1234567", accessToken = "EAAG-staff-token" });
        using var instagram = await SendAsync(api, HttpMethod.Put, "/api/merchant/channels/instagram", staff, new { accountId = "1234567", accessToken = "EAAG-staff-token" });
        using var create = await SendAsync(api, HttpMethod.Post, "/api/merchant/keys", staff, new { name = "mine" });
        using var revoke = await SendAsync(api, HttpMethod.Delete, $"/api/merchant/keys/{keyId}", staff);
        using var channels = await SendAsync(api, HttpMethod.Get, "/api/merchant/channels", staff);

        Assert.Equal(HttpStatusCode.Forbidden, connect.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, instagram.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, channels.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
    }

    private async Task<(string PhoneNumberId, string Token)> RegisterSimulatorAccountAsync(string displayName)
    {
        var phoneNumberId = $"10{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        using var simulator = Fixture.Platform.CreateHttpClient("meta-simulator");
        using var registered = await simulator.PostAsJsonAsync(
            "/simulator/accounts", new { platform = "whatsapp", accountId = phoneNumberId, accessToken = token, displayName }, Timeout());
        registered.EnsureSuccessStatusCode();
        return (phoneNumberId, token);
    }
}
