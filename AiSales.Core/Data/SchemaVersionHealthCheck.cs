using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AiSales.Core.Data;

/// <summary>Ready only when the database answers and its schema is at (or past) <see cref="SchemaVersion.Expected"/>.</summary>
public sealed class SchemaVersionHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    private static readonly HealthCheckResult NotMigrated = HealthCheckResult.Unhealthy("database reachable, schema not migrated");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""SELECT max("Version") FROM "VersionInfo" """);
            if (await command.ExecuteScalarAsync(cancellationToken) is not long current)
            {
                return NotMigrated;
            }

            return current >= SchemaVersion.Expected
                ? HealthCheckResult.Healthy($"schema at {current}")
                : HealthCheckResult.Unhealthy($"schema at {current}, this build needs {SchemaVersion.Expected}");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // No history table: the migrator has not run against this database.
            return NotMigrated;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
