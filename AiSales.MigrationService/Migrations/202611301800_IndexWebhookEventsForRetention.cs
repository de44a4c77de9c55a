using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// Retention (contract section 4 rule 11) deletes finished webhook events by state and age in small batches; this
/// index lets each batch find its oldest rows without scanning the table. Built concurrently: the inbox keeps writing.
/// </summary>
[Migration(202611301800, TransactionBehavior.None, "Index webhook events for retention")]
public sealed class IndexWebhookEventsForRetention : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_webhook_events_retention
            ON webhook_events (state, received_at) WHERE state <> 'received';
        """);

    public override void Down() => Execute.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_webhook_events_retention;");
}
