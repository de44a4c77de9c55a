using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>Writes a health report as JSON: overall status and, per check, its status and our own description (never an exception message).</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = Description(e.Value),
                    error = e.Value.Exception?.GetType().Name,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }

    // A library's check describes a failure with the exception's message ("Failed to connect to 10.0.0.5:5432"): it
    // can name hosts, so it is left out; the error's type still says what kind of failure it was.
    private static string? Description(HealthReportEntry entry) =>
        entry.Exception is { } e && entry.Description is { } description && description.Contains(e.Message, StringComparison.Ordinal)
            ? null
            : entry.Description;
}
