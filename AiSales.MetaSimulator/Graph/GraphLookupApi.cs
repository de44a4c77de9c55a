using AiSales.MetaSimulator.Graph;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The Graph look-ups the API makes before connecting a channel (contract section 6), for the simulator's own
/// accounts: a WhatsApp phone number object (<c>/{version}/{phone_number_id}</c>) and Instagram's <c>/{version}/me</c>.
/// Like Meta: a token it does not know is code 190; a valid token asking for an object it cannot see is code 100.
/// </summary>
public static class GraphLookupApi
{
    private const string Version = "{version:regex(^v\\d+(\\.\\d+)?$)}";

    public static IEndpointRouteBuilder MapGraphLookupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet($"/{Version}/me", (HttpRequest request, AccountRegistry accounts) =>
            TokenOf(request) is { } token && accounts.FindByToken(Platform.Instagram, token) is { } account
                ? Results.Json(new { id = account.AccountId, user_id = account.AccountId, username = Username(account) })
                : InvalidToken()).ExcludeFromDescription();
        app.MapGet($"/{Version}/{{objectId}}", (string objectId, HttpRequest request, AccountRegistry accounts, MediaLibrary media) =>
        {
            var token = TokenOf(request);
            if (media.Find(objectId) is { } file)
            {
                return GraphMediaApi.LookUp(file, token, request, accounts);
            }

            if (token is null || (accounts.FindByToken(Platform.WhatsApp, token) ?? accounts.FindByToken(Platform.Instagram, token)) is null)
            {
                return InvalidToken();
            }

            return accounts.Find(objectId) is { Platform: Platform.WhatsApp } account && GraphApi.FixedTimeEquals(account.AccessToken, token)
                ? Results.Json(new { id = account.AccountId, display_phone_number = "+1 555 010 0000", verified_name = account.DisplayName })
                : GraphApi.GraphError(400, 100,
                    $"Unsupported get request. Object with ID '{objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                    "GraphMethodException");
        }).ExcludeFromDescription();
        return app;
    }

    private static string? TokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    private static IResult InvalidToken() =>
        GraphApi.GraphError(401, 190, "Invalid OAuth access token - Cannot parse access token", "OAuthException");

    private static string Username(SimulatedAccount account) =>
        new(account.DisplayName.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
