using static AiSales.Tests.MerchantConsole.ConsoleBrowser;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>The people page in a real Chromium: an owner invites staff by link, staff cannot invite, removal ends their session.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsolePeoplePageTests(ConsoleFixture fixture) : ConsolePageTest(fixture)
{
    [Fact]
    public async Task OwnerInvitesStaffWhoCannotInviteAndRemovingThemEndsTheirSession()
    {
        using var api = Fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var owner = await SignedInPageAsync(Fixture, merchant);
        await owner.GotoAsync(Fixture.Web("/people"));
        await WaitForInteractiveAsync(owner);

        var staffEmail = UniqueEmail("staff");
        await owner.Locator("input[data-testid=invite-email]").FillAsync(staffEmail);
        await owner.Locator("button[data-testid=invite]").ClickAsync();
        var link = await owner.Locator("[data-testid=invite-link]").InputValueAsync();
        Assert.Contains("/accept-invite?token=", link);
        await owner.Locator($".people li[data-email='{staffEmail}'][data-state=invited]").WaitForAsync();

        var staff = await Fixture.NewPageAsync();
        await SetPasswordAsync(staff, link);
        await staff.WaitForURLAsync("**/sign-in?welcome=true");
        await SignInAsync(staff, Fixture, staffEmail);
        await staff.Locator("[data-testid=signed-in-as]").WaitForAsync();
        await staff.GotoAsync(Fixture.Web("/people"));
        await WaitForInteractiveAsync(staff);
        await staff.Locator($".people li[data-email='{merchant.OwnerEmail}']").WaitForAsync();
        Assert.Equal(0, await staff.Locator("[data-testid=invite], [data-testid=remove]").CountAsync());

        await owner.ReloadAsync();
        await WaitForInteractiveAsync(owner);
        await owner.Locator($".people li[data-email='{staffEmail}'][data-state=active] [data-testid=remove]").ClickAsync();
        await owner.Locator($".people li[data-email='{staffEmail}']").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });

        await staff.GotoAsync(Fixture.Web("/inbox"));
        await staff.WaitForURLAsync("**/sign-in?expired=true");
    }
}
