namespace AiSales.Core.Data;

/// <summary>
/// The FluentMigrator version this build of the services needs. A service is not ready (/health) until
/// the database's VersionInfo has reached it, so a deployed API never serves a half-migrated schema.
/// A test keeps it equal to the newest migration in AiSales.MigrationService.
/// </summary>
public static class SchemaVersion
{
    public const long Expected = 202612020100;
}
