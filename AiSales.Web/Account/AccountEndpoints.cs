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
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = Texts.Cultures.Contains(name) ? name : Texts.Cultures[0];
            // Remembered for a year in this browser (the language is the person's choice, not the shop's).
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return TypedResults.LocalRedirect(ConsoleUser.LocalUrl(returnUrl));
        }).AllowAnonymous();
    }

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
