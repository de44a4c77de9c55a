using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Web.Api;

/// <summary>The API's RFC 7807 answer, kept whole so a form can show each field's message next to that field.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        string? title = null, detail = null;
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = json.RootElement;
            title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in e.EnumerateObject())
                {
                    errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the status says enough.
        }

        return new ApiProblem((int)response.StatusCode, title ?? response.ReasonPhrase ?? "Error", detail, errors);
    }

    /// <summary>
    /// Whether <paramref name="e"/> means the API gave no answer at all: refused, reset, or past the resilience
    /// handler's or the client's timeouts. The caller's own cancellation is not that: it still cancels.
    /// </summary>
    public static bool IsNoAnswer(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or Polly.ExecutionRejectedException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>
    /// The API's 404: no such id, or another shop's (the API never tells them apart). A page that reads one by the id in
    /// its address then answers 404 itself (NavigationManager.NotFound: the status and the console's not-found page).
    /// </summary>
    public static bool IsNotFound(ApiProblem? problem) => problem?.Status == (int)HttpStatusCode.NotFound;

    /// <summary>The API gave no answer at all (refused, reset, timed out).</summary>
    public static ApiProblem NoAnswer() => Unavailable("The AiSales API cannot be reached; try again in a moment.");

    public static ApiProblem Unavailable(string detail) => new((int)HttpStatusCode.ServiceUnavailable, "The service is unavailable", detail, new Dictionary<string, string[]>());
}

/// <summary>A value or the problem the API answered instead.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    /// <summary>The API's answer read: its problem details, nothing for a 204 (or a call that only succeeds), else its JSON value.</summary>
    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return await ApiProblem.ReadAsync(response, cancellationToken);
        }

        return response.StatusCode == HttpStatusCode.NoContent || typeof(T) == typeof(bool)
            ? new ApiResult<T>(default, null)
            : new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(cancellationToken), null);
    }

    public static implicit operator ApiResult<T>(ApiProblem problem) => new(default, problem);
}
