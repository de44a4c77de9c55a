using AiSales.Web.Localization;

namespace AiSales.Web.Account;

/// <summary>
/// A language chosen before signing in (the sign-in page's switch) is the person's choice too: the browser keeps it in a
/// session cookie until the sign-in, which stores it with the person (PATCH /api/auth/me). Without such a choice the
/// person's stored language applies.
/// </summary>
public static class LanguageChoice
{
    private const string CookieName = "aisales.language-chosen";

    /// <summary>Remembers an anonymous visitor's choice until they sign in.</summary>
    public static void KeepUntilSignIn(HttpContext http, string culture) => http.Response.Cookies.Append(CookieName, culture, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        IsEssential = true,
    });

    /// <summary>At sign-in: stores a choice made before it and returns it, else returns the person's stored language (or null).</summary>
    public static async Task<string?> ApplyAtSignInAsync(HttpContext http, ApiSignIn signIn, AccountClient account)
    {
        if (http.Request.Cookies[CookieName] is { } chosen && Texts.Cultures.Contains(chosen))
        {
            http.Response.Cookies.Delete(CookieName);
            if (chosen != signIn.User.Language)
            {
                await account.RememberLanguageAsync(signIn.Token, chosen, http.RequestAborted);
            }

            return chosen;
        }

        return signIn.User.Language is { } stored && Texts.Cultures.Contains(stored) ? stored : null;
    }
}
