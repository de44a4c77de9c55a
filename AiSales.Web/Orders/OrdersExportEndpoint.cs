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

    private static readonly string[] PassedHeaders = ["Content-Disposition"];

    private static async Task ExportAsync(HttpContext http, OrdersExportClient client, string? status = null)
    {
        using var response = await client.OpenAsync(ApiPassThrough.TokenOf(http), status, http.RequestAborted);
        await ApiPassThrough.CopyAsync(http, response, PassedHeaders);
    }
}

/// <summary>The export's own client: no retries or total timeout (a long export must not be cut), the token passed in.</summary>
public sealed class OrdersExportClient(HttpClient http)
{
    public async Task<HttpResponseMessage> OpenAsync(string token, string? status, CancellationToken cancellationToken)
    {
        var url = status is null ? "/api/orders/export.csv" : $"/api/orders/export.csv?status={Uri.EscapeDataString(status)}";
        return await ApiPassThrough.OpenAsync(http, token, url, cancellationToken);
    }
}
