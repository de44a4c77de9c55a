namespace AiSales.MigrationService;

/// <summary>
/// The database the migrator works on, and an optional rollback: <c>Migrations:RollbackTo</c> (e.g.
/// <c>--Migrations:RollbackTo=202612010300</c> or <c>Migrations__RollbackTo</c>) runs Down() of every applied migration
/// newer than that version instead of migrating up (docs/operations.md, "Rollback").
/// </summary>
public sealed record MigrationTarget(string ConnectionString, long? RollbackTo = null);
