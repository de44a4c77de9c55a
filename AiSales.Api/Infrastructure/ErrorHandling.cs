using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace AiSales.Api.Infrastructure;

public static class ErrorHandling
{
    /// <summary>
    /// Unhandled exceptions become RFC 7807 problem details (no exception text leaves the service) and are
    /// logged by the exception handler as one structured event carrying the exception's type, message and
    /// stack; Sentry receives that event when a DSN is set. Bare status codes (404, 405…) get problem bodies too.
    /// A request that cannot be bound (a query value that is not a number, a body that is not JSON) is thrown as
    /// <see cref="BadHttpRequestException"/> (see <see cref="AddBadRequestDetails"/>) so its problem says what was wrong.
    /// A database that cannot be reached (refused, timed out, the pool's wait run out) is a 503 with Retry-After, not a
    /// 500 (nor, for a key that could not be checked, a 401).
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
            else if (IsDatabaseUnavailable(context.Exception))
            {
                context.ProblemDetails.Title = "Service unavailable";
                context.ProblemDetails.Detail = DatabaseUnavailable;
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
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
                _ when IsDatabaseUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
                OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
            // A request the API could not bind is the caller's mistake, answered with its detail: not an error to log.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>The detail of a 503 for a database that cannot be reached (the console shows it in Arabic too).</summary>
    public const string DatabaseUnavailable = "The database cannot be reached right now. Try again in a few seconds.";

    private const string RetryAfterSeconds = "5";

    /// <summary>
    /// PostgreSQL down, unreachable or hung: Npgsql calls it transient (a refused or broken connection, a connect or
    /// command timeout, the pool's wait run out, a server that is starting or out of connections).
    /// </summary>
    private static bool IsDatabaseUnavailable(Exception? exception) => exception is NpgsqlException { IsTransient: true };
}
