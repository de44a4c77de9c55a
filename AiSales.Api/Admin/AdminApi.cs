using AiSales.Api.Channels;
using AiSales.Api.Merchants;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Operator routes (X-Admin-Key): merchants (Merchants/), channel token re-encryption (Channels/), and
/// diagnostics: POST /api/admin/diagnostics/error raises a deliberate, unhandled exception so an operator
/// can check, end to end, that errors reach the logs and Sentry after a deploy.
/// </summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").AddEndpointFilter<AiSales.Api.Admin.AdminKeyFilter>();
        group.MapPost("/diagnostics/error", static () =>
        {
            throw new DiagnosticTestException("Deliberate test error raised by POST /api/admin/diagnostics/error");
        });
        group.MapMerchantsAdminApi();
        group.MapEncryptionAdminApi();
        return group;
    }
}

public sealed class DiagnosticTestException(string message) : Exception(message);
