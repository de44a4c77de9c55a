using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// Every change of hands, kept (conversations.status only holds the latest): who handed over and why. Stats count
/// handoffs from here.
/// </summary>
[Migration(202611300602, "Create conversation handoffs")]
public sealed class CreateConversationHandoffs : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE conversation_handoffs (
                id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                merchant_id      uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                conversation_id  uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                to_status        text NOT NULL CHECK (to_status IN ('ai', 'human')),
                -- ai: the assistant handed over (asked for a person, keywords, could not help); failure: turns failed;
                -- merchant: a person of the merchant's took over or gave back
                source           text NOT NULL CHECK (source IN ('ai', 'failure', 'merchant')),
                reason           text,
                created_at       timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX ix_conversation_handoffs_merchant_created ON conversation_handoffs (merchant_id, created_at);
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE conversation_handoffs;");
    }
}
