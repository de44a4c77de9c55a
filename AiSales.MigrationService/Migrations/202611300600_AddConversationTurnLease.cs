using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// A turn no longer holds a transaction while the model thinks: it leases the conversation (owner + expiry, renewed
/// while it runs), and failed turns are counted and retried after a back-off until they end in a handoff. Messages a
/// turn gave up on are 'failed' with the reason; the merchant sees it on the conversation.
/// </summary>
[Migration(202611300600, "Add the conversation turn lease and turn failures")]
public sealed class AddConversationTurnLease : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            ALTER TABLE conversations
                ADD COLUMN turn_owner text,
                ADD COLUMN turn_expires_at timestamptz,
                ADD COLUMN turn_failures integer NOT NULL DEFAULT 0,
                ADD COLUMN turn_retry_at timestamptz,
                ADD COLUMN turn_error text;
            ALTER TABLE messages DROP CONSTRAINT messages_reply_state_check;
            ALTER TABLE messages
                ADD CONSTRAINT messages_reply_state_check CHECK (reply_state IN ('pending', 'done', 'skipped', 'failed')),
                ADD COLUMN reply_error text;
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            UPDATE messages SET reply_state = 'skipped' WHERE reply_state = 'failed';
            ALTER TABLE messages DROP CONSTRAINT messages_reply_state_check;
            ALTER TABLE messages
                ADD CONSTRAINT messages_reply_state_check CHECK (reply_state IN ('pending', 'done', 'skipped')),
                DROP COLUMN reply_error;
            ALTER TABLE conversations
                DROP COLUMN turn_owner, DROP COLUMN turn_expires_at, DROP COLUMN turn_failures,
                DROP COLUMN turn_retry_at, DROP COLUMN turn_error;
            """);
    }
}
