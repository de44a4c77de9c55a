using System.Security.Claims;
using AiSales.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AiSales.Web.Account;

/// <summary>The cookie's principal: who signed in, for which shop, and the API token (encrypted in the cookie, server-side only).</summary>
public static class ConsoleUser
{
    public static Task SignInAsync(HttpContext http, ApiSignIn session)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, session.User.Email),
                new Claim(ConsoleClaims.UserId, session.User.Id.ToString()),
                new Claim(ConsoleClaims.Role, session.User.Role),
                new Claim(ConsoleClaims.MerchantName, session.User.MerchantName),
                new Claim(ConsoleClaims.ApiToken, session.Token),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        // Never longer than the API token it carries; a session cookie, gone when the browser closes.
        var properties = new AuthenticationProperties { ExpiresUtc = session.ExpiresAt, IsPersistent = false, AllowRefresh = false };
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
    }

    public static bool IsOwner(this ClaimsPrincipal user) => user.FindFirst(ConsoleClaims.Role)?.Value == "owner";

    public static string MerchantName(this ClaimsPrincipal user) => user.FindFirst(ConsoleClaims.MerchantName)?.Value ?? "";

    /// <summary>Only a path on this site: an open redirect would let a link send a fresh sign-in elsewhere.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
