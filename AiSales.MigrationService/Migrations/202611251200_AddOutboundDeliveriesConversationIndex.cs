using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The sender claims only the oldest unfinished delivery of each conversation; this partial index answers "does this
/// conversation have an earlier pending or a sending delivery?" from the few active rows instead of the whole history.
/// </summary>
[Migration(202611251200, "Add an index of active outbound deliveries by conversation")]
public sealed class AddOutboundDeliveriesConversationIndex : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE INDEX ix_outbound_deliveries_conversation_active
                ON outbound_deliveries (conversation_id, message_id) WHERE state IN ('pending', 'sending');
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP INDEX ix_outbound_deliveries_conversation_active;");
    }
}
