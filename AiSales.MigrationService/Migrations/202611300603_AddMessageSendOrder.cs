using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// Contract §4 rule 9: a customer's messages are shown and answered in the order the customer sent them (platform
/// timestamp, then arrival), whatever order normaliser workers or API replicas stored them in. sent_at is the
/// platform's timestamp for inbound messages (the insert time for ours); arrival orders the webhook items
/// (event id, then the item's place in the body). Filled for existing rows by the next migration.
/// </summary>
[Migration(202611300603, "Add the messages' send order")]
public sealed class AddMessageSendOrder : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            ALTER TABLE messages
                ADD COLUMN sent_at timestamptz DEFAULT now(),
                ADD COLUMN arrival bigint;
            CREATE INDEX ix_messages_conversation_order ON messages (conversation_id, sent_at, arrival, id);
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            DROP INDEX ix_messages_conversation_order;
            ALTER TABLE messages DROP COLUMN sent_at, DROP COLUMN arrival;
            """);
    }
}
