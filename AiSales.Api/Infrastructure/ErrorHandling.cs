using Microsoft.AspNetCore.Diagnostics;

namespace AiSales.Api.Infrastructure;

public static class ErrorHandling
{
    /// <summary>
    /// Unhandled exceptions become RFC 7807 problem details (no exception text leaves the service) and are
    /// logged by the exception handler as one structured event carrying the exception's type, message and
    /// stack; Sentry receives that event when a DSN is set. Bare status codes (404, 405…) get problem bodies too.
    /// </summary>
    public static WebApplication UseAiSalesErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
