using System.Net.Http.Headers;
using System.Net.Http.Json;
using AiSales.Web.Api;

namespace AiSales.Web.Account;

public sealed record SignedInUser(Guid Id, string Email, string Role, Guid MerchantId, string MerchantName, string? Language);

public sealed record ApiSignIn(string Token, DateTimeOffset ExpiresAt, SignedInUser User);

public sealed record AcceptedInvite(string Email);

/// <summary>What the API says of a session token: it works, it is refused (expired, revoked, person removed), or no clear answer.</summary>
public enum ApiSessionState
{
    Live,
    Ended,
    Unknown,
}

/// <summary>The API's sign-in routes: anonymous, except sign-out, which ends the session behind the cookie.</summary>
public sealed class AccountClient(HttpClient http)
{
    public Task<ApiResult<ApiSignIn>> SignInAsync(string? email, string? password, CancellationToken cancellationToken = default) =>
        PostAsync<ApiSignIn>("/api/auth/sign-in", new { email, password }, cancellationToken);

    public Task<ApiResult<AcceptedInvite>> AcceptInviteAsync(string? token, string? password, CancellationToken cancellationToken = default) =>
        PostAsync<AcceptedInvite>("/api/auth/invites/accept", new { token, password }, cancellationToken);

    /// <summary>
    /// Whether an invite link can still set a password, asked when its page opens: no problem when it can, else one
    /// naming <c>token</c> (unknown, used or expired: the API does not say which, nor whose invite it was).
    /// </summary>
    public Task<ApiResult<bool>> CheckInviteAsync(string? token, CancellationToken cancellationToken = default) =>
        PostAsync<bool>("/api/auth/invites/check", new { token }, cancellationToken);

    /// <summary>Asks the API whether the session behind <paramref name="token"/> still works (GET /api/auth/me).</summary>
    public async Task<ApiSessionState> SessionStateAsync(string token, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode switch
            {
                System.Net.HttpStatusCode.OK => ApiSessionState.Live,
                System.Net.HttpStatusCode.Unauthorized => ApiSessionState.Ended,
                _ => ApiSessionState.Unknown,
            };
        }
        catch (Exception e) when (ApiProblem.IsNoAnswer(e, cancellationToken))
        {
            return ApiSessionState.Unknown;
        }
    }

    /// <summary>Best effort: the cookie is removed whatever the API answers.</summary>
    public async Task SignOutAsync(string token, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var _ = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (ApiProblem.IsNoAnswer(e, cancellationToken))
        {
            // The token expires on its own.
        }
    }

    /// <summary>Best effort: remembers the person's language with them; the browser's cookie is set whatever the API answers.</summary>
    public async Task RememberLanguageAsync(string token, string language, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, "/api/auth/me") { Content = JsonContent.Create(new { language }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var _ = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (ApiProblem.IsNoAnswer(e, cancellationToken))
        {
            // The cookie still holds the choice in this browser.
        }
    }

    private async Task<ApiResult<T>> PostAsync<T>(string url, object body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
            return await ApiResult<T>.ReadAsync(response, cancellationToken);
        }
        catch (Exception e) when (ApiProblem.IsNoAnswer(e, cancellationToken))
        {
            return ApiProblem.NoAnswer();
        }
    }
}
