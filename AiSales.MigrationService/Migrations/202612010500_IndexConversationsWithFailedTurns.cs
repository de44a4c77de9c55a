using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The aisales.turns.parked gauge counts conversations whose turn failed and waits for a retry (turn_failures &gt; 0)
/// every 30 s. Without an index that is a scan of every conversation; this partial index holds only the few parked
/// ones, so the count reads a handful of entries. Built concurrently: the agent keeps writing.
/// </summary>
[Migration(202612010500, TransactionBehavior.None, "Index conversations with failed turns")]
public sealed class IndexConversationsWithFailedTurns : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_conversations_turn_failures ON conversations (id) WHERE turn_failures > 0;
        """);

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_conversations_turn_failures;");
}
