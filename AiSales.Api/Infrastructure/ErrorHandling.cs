using Microsoft.AspNetCore.Diagnostics;

namespace AiSales.Api.Infrastructure;

public static class ErrorHandling
{
    /// <summary>
    /// Unhandled exceptions become RFC 7807 problem details (no exception text leaves the service) and are
    /// logged by the exception handler as one structured event carrying the exception's type, message and
    /// stack; Sentry receives that event when a DSN is set. Bare status codes (404, 405…) get problem bodies too.
    /// A request that cannot be bound (a query value that is not a number, a body that is not JSON) is thrown as
    /// <see cref="BadHttpRequestException"/> (see <see cref="AddBadRequestDetails"/>) so its problem says what was wrong.
    /// </summary>
    public static IServiceCollection AddBadRequestDetails(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad && context.ProblemDetails.Detail is null)
            {
                context.ProblemDetails.Detail = BadRequestText.For(bad);
            }
        });
        return services;
    }

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
            // A request the API could not bind is the caller's mistake, answered with its detail: not an error to log.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }
}
