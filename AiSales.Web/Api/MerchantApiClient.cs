using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Api;

/// <summary>
/// What every typed client of the merchant API shares: the signed-in person's bearer token on each call, problem
/// details as <see cref="ApiProblem"/>, and an ended session sends the browser back to sign in.
/// </summary>
public abstract class MerchantApiClient(HttpClient http, ApiSession session, NavigationManager navigation)
{
    protected HttpClient Http => http;

    protected Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, url, null, cancellationToken);

    protected async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string url, object? body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await ExchangeAsync<T>(request, cancellationToken);
    }

    /// <summary>
    /// The API's value or its problem. No answer at all (refused, reset, past the resilience handler's timeouts) is a
    /// 503 problem the page shows, not an exception: one would end the person's circuit and leave the page silently dead.
    /// The resilience handler has already logged the failed attempts.
    /// </summary>
    protected async Task<ApiResult<T>> ExchangeAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(request, cancellationToken);
            return await ApiResult<T>.ReadAsync(response, cancellationToken);
        }
        catch (Exception e) when (ApiProblem.IsNoAnswer(e, cancellationToken))
        {
            return NoAnswer();
        }
    }

    /// <summary>What the page says when the API gave no answer; a client whose calls wait on something else says so.</summary>
    protected virtual ApiProblem NoAnswer() => ApiProblem.NoAnswer();

    /// <summary>Sends with the token; a 401 means the session ended (expired, signed out elsewhere, person removed).</summary>
    protected async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await session.TokenAsync() ?? "");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            navigation.NavigateTo("/account/expired", forceLoad: true);
        }

        return response;
    }
}

public sealed record MerchantProfile(Guid Id, string Name, string Status);

public sealed record Me(Guid Id, string Email, string Role, Guid MerchantId, string MerchantName);

/// <summary>The shop itself: its profile and the signed-in person.</summary>
public sealed class MerchantClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<MerchantProfile>> GetProfileAsync(CancellationToken cancellationToken = default) =>
        GetAsync<MerchantProfile>("/api/merchant", cancellationToken);

    public Task<ApiResult<Me>> GetMeAsync(CancellationToken cancellationToken = default) =>
        GetAsync<Me>("/api/auth/me", cancellationToken);
}
