using System.Net;
using System.Net.Http.Headers;

namespace AiSales.Web.Api;

/// <summary>
/// A console route that streams one of the API's responses to the browser (a customer's file, the orders CSV): the
/// request carries the signed-in person's token from the server, so the browser only ever holds its cookie, and the
/// body is copied as it arrives, never held in memory. An expired token sends the person to sign in again.
/// </summary>
public static class ApiPassThrough
{
    public static async Task<HttpResponseMessage> OpenAsync(HttpClient http, string token, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public static string TokenOf(HttpContext http) => http.User.FindFirst(ConsoleClaims.ApiToken)?.Value ?? "";

    /// <summary>Status, content type and length, the named headers, then the body; <paramref name="beforeBody"/> may add headers.</summary>
    public static async Task CopyAsync(HttpContext http, HttpResponseMessage response, IReadOnlyList<string> passedHeaders, Action<HttpResponse>? beforeBody = null)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            http.Response.Redirect("/account/expired");
            return;
        }

        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        http.Response.ContentLength = response.Content.Headers.ContentLength;
        foreach (var name in passedHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                http.Response.Headers[name] = values.ToArray();
            }
        }

        beforeBody?.Invoke(http.Response);
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
