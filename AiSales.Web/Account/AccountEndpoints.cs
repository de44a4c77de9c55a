using AiSales.Web.Api;
using AiSales.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;

namespace AiSales.Web.Account;

/// <summary>The few plain HTTP routes around the pages: sign-out (a form POST with anti-forgery), the end of an expired session, the language switch.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", SignOutAsync);
        app.MapGet("/account/expired", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect("/sign-in?expired=true");
        });
        app.MapGet("/culture/{name}", async (string name, string? returnUrl, HttpContext http, AccountClient account) =>
        {
            var culture = Texts.Cultures.Contains(name) ? name : Texts.Cultures[0];
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
            return TypedResults.LocalRedirect(ConsoleUser.LocalUrl(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>This browser's copy of the language, for a year (the ASP.NET Core culture cookie read by request localization).</summary>
    public static void RememberCulture(HttpContext http, string culture) => http.Response.Cookies.Append(
        CookieRequestCultureProvider.DefaultCookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, AccountClient account)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid");
        }

        if (http.User.FindFirst(ConsoleClaims.ApiToken)?.Value is { } token)
        {
            await account.SignOutAsync(token, http.RequestAborted);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/sign-in");
    }
}
