using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// One conversation per (merchant, platform, customer). The two partial unique indexes are the ones the
/// earlier TypeScript build never shipped, which broke its INSERT … ON CONFLICT: upserts target them.
/// </summary>
[Migration(202611250903, "Create conversations")]
public sealed class CreateConversations : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE conversations (
                id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id               uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                customer_id               uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                platform                  text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
                customer_phone            text,
                customer_instagram        text,
                status                    text NOT NULL DEFAULT 'ai' CHECK (status IN ('ai', 'human')),
                handoff_reason            text,
                status_changed_at         timestamptz NOT NULL DEFAULT now(),
                -- The 24-hour customer-service window starts here.
                last_customer_message_at  timestamptz,
                last_activity_at          timestamptz NOT NULL DEFAULT now(),
                -- Turns in a row where the agent could not help; two hand the conversation over.
                ai_failed_turns           integer NOT NULL DEFAULT 0,
                created_at                timestamptz NOT NULL DEFAULT now(),
                updated_at                timestamptz NOT NULL DEFAULT now(),
                CHECK (customer_phone IS NOT NULL OR customer_instagram IS NOT NULL)
            );
            CREATE UNIQUE INDEX uq_conversations_merchant_instagram_platform
                ON conversations (merchant_id, customer_instagram, platform) WHERE customer_instagram IS NOT NULL;
            CREATE UNIQUE INDEX uq_conversations_merchant_phone_platform
                ON conversations (merchant_id, customer_phone, platform) WHERE customer_phone IS NOT NULL;
            CREATE INDEX ix_conversations_merchant_activity
                ON conversations (merchant_id, last_activity_at DESC, id DESC);
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE conversations;");
    }
}
