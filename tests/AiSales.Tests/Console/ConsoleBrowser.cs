using Microsoft.Playwright;

namespace AiSales.Tests.MerchantConsole;

/// <summary>What a person does in the console's sign-in pages, in a real Chromium.</summary>
public static class ConsoleBrowser
{
    public static async Task SetPasswordAsync(IPage page, string inviteUrl, string password = ConsoleTestData.Password)
    {
        await page.GotoAsync(inviteUrl);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#set-password").ClickAsync();
    }

    public static async Task SignInAsync(IPage page, ConsoleFixture fixture, string email, string password = ConsoleTestData.Password)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync(fixture.Web("/sign-in"));
        }

        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
    }

    /// <summary>A new page where the owner's invite was accepted (password set), on the sign-in page it leads to.</summary>
    public static async Task<IPage> InviteAcceptedPageAsync(ConsoleFixture fixture, ConsoleMerchant merchant, int width = 390, string? timeZone = null)
    {
        var page = await fixture.NewPageAsync(width, timeZone: timeZone);
        await SetPasswordAsync(page, merchant.InviteUrl);
        await page.WaitForURLAsync("**/sign-in?welcome=true");
        return page;
    }

    /// <summary>Invite accepted and signed in, on the overview page.</summary>
    public static async Task<IPage> SignedInPageAsync(ConsoleFixture fixture, ConsoleMerchant merchant, int width = 390, string? timeZone = null)
    {
        var page = await InviteAcceptedPageAsync(fixture, merchant, width, timeZone);
        await SignInAsync(page, fixture, merchant.OwnerEmail);
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        return page;
    }

    /// <summary>Opens the console's page at <paramref name="path"/>, then switches it to Arabic as a person does.</summary>
    public static async Task OpenInArabicAsync(IPage page, ConsoleFixture fixture, string path)
    {
        await page.GotoAsync(fixture.Web(path));
        await ChooseLanguageAsync(page, "ar");
    }

    /// <summary>
    /// Clicks the page's language switch (a form POST with its anti-forgery token) and waits for the page it returns to,
    /// in that language. A live page is clicked once interactive (its elements are replaced then); static pages have no circuit.
    /// </summary>
    public static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator(".account-page, .page[data-interactive=true], .page[data-interactive=static]").First.WaitForAsync();
        await page.Locator($".language-links button[lang={language}]").ClickAsync();
        await page.Locator($"html[lang={language}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Waits until the element is laid out right to left (polled: live pages re-render their elements).</summary>
    public static Task WaitForRightToLeftAsync(IPage page, string selector) => page.WaitForFunctionAsync(
        "s => { const e = document.querySelector(s); return e !== null && getComputedStyle(e).direction === 'rtl'; }",
        selector, new PageWaitForFunctionOptions { Timeout = 10_000 });

    /// <summary>
    /// Waits until the page's circuit is connected. Click only after it: a prerendered page shows before its buttons
    /// work, and the first interactive render replaces the prerendered elements, so a click whose mouse-down and
    /// mouse-up land on either side of that swap is lost (seen as a 60 s wait for a navigation that never started).
    /// </summary>
    public static Task WaitForInteractiveAsync(IPage page) => page.Locator(".page[data-interactive=true]").WaitForAsync();

    /// <summary>
    /// Chooses a CSV file in the catalogue's import, once Blazor's InputFile listens for it: the page turns interactive
    /// before the input's script is attached, and a file chosen in between is never read.
    /// </summary>
    public static async Task ChooseCsvAsync(IPage page, string csv)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=csv-file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("[data-testid=csv-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "products.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
    }

    public static string Path(IPage page) => new Uri(page.Url).AbsolutePath;

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = System.IO.Path.Combine(ServiceProcess.RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
