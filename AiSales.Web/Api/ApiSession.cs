using Microsoft.AspNetCore.Components.Authorization;

namespace AiSales.Web.Api;

/// <summary>
/// The signed-in person's API token, read from the authentication state: the cookie's principal on a page request,
/// the circuit's copy of it on an interactive page. It never reaches the browser.
/// </summary>
public sealed class ApiSession(AuthenticationStateProvider authentication)
{
    public async Task<string?> TokenAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.FindFirst(ConsoleClaims.ApiToken)?.Value;
    }
}

public static class ConsoleClaims
{
    public const string ApiToken = "aisales:api_token";
    public const string UserId = "aisales:user_id";
    public const string Role = "aisales:role";
    public const string MerchantName = "aisales:merchant_name";
}
