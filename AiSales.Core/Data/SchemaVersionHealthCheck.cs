using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AiSales.Core.Data;

/// <summary>Ready only when the database answers and its schema is at (or past) <see cref="SchemaVersion.Expected"/>.</summary>
public sealed class SchemaVersionHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                """SELECT CASE WHEN to_regclass('public."VersionInfo"') IS NULL THEN NULL ELSE (SELECT max("Version") FROM "VersionInfo") END""");
            var value = await command.ExecuteScalarAsync(cancellationToken);
            var current = value is long version ? version : (long?)null;
            if (current is null)
            {
                return HealthCheckResult.Unhealthy("database reachable, schema not migrated");
            }

            return current >= SchemaVersion.Expected
                ? HealthCheckResult.Healthy($"schema at {current}")
                : HealthCheckResult.Unhealthy($"schema at {current}, this build needs {SchemaVersion.Expected}");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
