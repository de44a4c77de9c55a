using Microsoft.AspNetCore.Authentication;

namespace AiSales.Api.Security;

/// <summary>
/// The merchant API accepts two bearer credentials: an API key (<c>aisk_…</c>) and a console session token
/// (<c>aiss_…</c>). One policy scheme picks the handler by prefix, so a challenge answers once, from the right one.
/// </summary>
public static class MerchantSchemes
{
    public const string Merchant = "Merchant";

    public static AuthenticationBuilder AddMerchantSchemes(this AuthenticationBuilder authentication) => authentication
        .AddScheme<AuthenticationSchemeOptions, MerchantApiKeyHandler>(MerchantApiKeyHandler.SchemeName, null)
        .AddScheme<AuthenticationSchemeOptions, MerchantSessionHandler>(MerchantSessionHandler.SchemeName, null)
        .AddPolicyScheme(Merchant, null, options => options.ForwardDefaultSelector = context =>
            BearerToken(context.Request)?.StartsWith(SessionTokens.Prefix, StringComparison.Ordinal) == true
                ? MerchantSessionHandler.SchemeName
                : MerchantApiKeyHandler.SchemeName);

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    public static Task ForbidAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed",
            detail: "Only the shop's owners can invite or remove people.").ExecuteAsync(context);
    }
}
