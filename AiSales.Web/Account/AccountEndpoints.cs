using AiSales.Web.Api;
using AiSales.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;

namespace AiSales.Web.Account;

/// <summary>
/// The few plain HTTP routes around the pages. What a cross-site link or form could trigger decides their method: the
/// ones that change something the person would not want changed behind their back are form POSTs with anti-forgery,
/// like the pages' forms; the one GET left can do no harm (its comment says why).
/// </summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", SignOutAsync);
        // A GET: it is where a 401 sends the browser (a redirect from a file or the CSV export, a page's forced load),
        // and those cannot POST. A link from another site is harmless: it ends only a session the API already refuses,
        // and otherwise sends the person to the overview, still signed in.
        app.MapGet("/account/expired", async (HttpContext http, AccountClient account) =>
        {
            if (http.User.FindFirst(ConsoleClaims.ApiToken)?.Value is { } token
                && await account.SessionStateAsync(token, http.RequestAborted) != ApiSessionState.Ended)
            {
                return TypedResults.LocalRedirect("/");
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/sign-in?expired=true");
        });
        // A POST: the choice is stored with the signed-in person for every browser they use, so another site's link
        // must not make it for them.
        app.MapPost("/culture", ChooseLanguageAsync).AllowAnonymous();
    }

    /// <summary>This browser's copy of the language, for a year (the ASP.NET Core culture cookie read by request localization).</summary>
    public static void RememberCulture(HttpContext http, string culture) => http.Response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    /// <summary>The language switch's form: <c>culture</c> (en or ar) and <c>returnUrl</c>, the page it was sent from.</summary>
    private static async Task<IResult> ChooseLanguageAsync(HttpContext http, IAntiforgery antiforgery, AccountClient account)
    {
        if (await ForgedAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var culture = Texts.Cultures.Contains(form["culture"].ToString()) ? form["culture"].ToString() : Texts.Cultures[0];
        // The person's choice: remembered with them by the API when signed in, and in this browser's cookie.
        if (http.User.FindFirst(ConsoleClaims.ApiToken)?.Value is { } token)
        {
            await account.RememberLanguageAsync(token, culture, http.RequestAborted);
        }
        else
        {
            LanguageChoice.KeepUntilSignIn(http, culture);
        }

        RememberCulture(http, culture);
        return TypedResults.LocalRedirect(ConsoleUser.LocalUrl(ReturnAddress(http, form["returnUrl"].ToString())));
    }

    /// <summary>
    /// The page the switch was pressed on. The browser's Referer is the address shown at that moment; the form's
    /// <c>returnUrl</c> is redrawn by the live console after each navigation, a round trip that a quick press right
    /// after moving through the menu can beat (it then returned to the previous page). The field stays the fallback for
    /// a browser that sends no Referer.
    /// </summary>
    private static string ReturnAddress(HttpContext http, string returnUrl) =>
        http.Request.GetTypedHeaders().Referer is { IsAbsoluteUri: true } shown ? shown.PathAndQuery : returnUrl;

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, AccountClient account)
    {
        if (await ForgedAsync(http, antiforgery) is { } refused)
        {
            return refused;
        }

        if (http.User.FindFirst(ConsoleClaims.ApiToken)?.Value is { } token)
        {
            await account.SignOutAsync(token, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/sign-in");
    }

    /// <summary>A 400 when the form did not come from a console page (its anti-forgery token missing or wrong), else null.</summary>
    private static async Task<IResult?> ForgedAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid");
        }
    }
}
