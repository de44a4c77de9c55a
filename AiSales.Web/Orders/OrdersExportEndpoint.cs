using System.Net;
using System.Net.Http.Headers;
using AiSales.Web.Api;

namespace AiSales.Web.Orders;

/// <summary>
/// GET /orders/export.csv in the console: the API's CSV export passed through to the browser as it streams, so the
/// token stays on the server (the browser only holds its cookie) and a large export is never held in memory.
/// </summary>
public static class OrdersExportEndpoint
{
    public static void MapOrdersExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/orders/export.csv", ExportAsync).RequireAuthorization();

    private static async Task ExportAsync(HttpContext http, OrdersExportClient client, string? status = null)
    {
        var token = http.User.FindFirst(ConsoleClaims.ApiToken)?.Value ?? "";
        using var response = await client.OpenAsync(token, status, http.RequestAborted);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            http.Response.Redirect("/account/expired");
            return;
        }

        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        if (response.Content.Headers.ContentDisposition is { } disposition)
        {
            http.Response.Headers.ContentDisposition = disposition.ToString();
        }

        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}

/// <summary>The export's own client: no retries or total timeout (a long export must not be cut), the token passed in.</summary>
public sealed class OrdersExportClient(HttpClient http)
{
    public async Task<HttpResponseMessage> OpenAsync(string token, string? status, CancellationToken cancellationToken)
    {
        var url = status is null ? "/api/orders/export.csv" : $"/api/orders/export.csv?status={Uri.EscapeDataString(status)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
