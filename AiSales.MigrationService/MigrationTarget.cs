namespace AiSales.MigrationService;

/// <summary>The database the migrator works on.</summary>
public sealed record MigrationTarget(string ConnectionString);
