using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>Every message in or out. Meta's id (wamid…, Instagram mid) is unique per platform: redeliveries store nothing.</summary>
[Migration(202611250904, "Create messages")]
public sealed class CreateMessages : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE messages (
                id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                merchant_id           uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                conversation_id       uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                platform              text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
                external_id           text,
                direction             text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
                -- customer; ai or human (sent by us); merchant_app (an echo of a reply the merchant typed in Meta's own app)
                author                text NOT NULL CHECK (author IN ('customer', 'ai', 'human', 'merchant_app')),
                kind                  text NOT NULL DEFAULT 'text',
                text                  text,
                -- Kind-specific detail: media id / mime / caption, location, interactive reply, story link.
                payload               jsonb NOT NULL DEFAULT '{}',
                reply_to_external_id  text,
                reaction              text,
                reacted_at            timestamptz,
                is_deleted            boolean NOT NULL DEFAULT false,
                deleted_at            timestamptz,
                -- Outbound only: never moves backwards (sent < delivered < read).
                delivery_status       text CHECK (delivery_status IN ('pending', 'sent', 'delivered', 'read', 'failed')),
                delivery_status_at    timestamptz,
                error_code            integer,
                error_title           text,
                -- Inbound customer messages waiting for the agent; PostgreSQL is the source of truth when Redis is down.
                reply_state           text CHECK (reply_state IN ('pending', 'done', 'skipped')),
                platform_timestamp    timestamptz,
                created_at            timestamptz NOT NULL DEFAULT now()
            );
            CREATE UNIQUE INDEX uq_messages_platform_external_id
                ON messages (platform, external_id) WHERE external_id IS NOT NULL;
            CREATE INDEX ix_messages_conversation ON messages (conversation_id, id);
            CREATE INDEX ix_messages_reply_pending ON messages (conversation_id, id) WHERE reply_state = 'pending';
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE messages;");
    }
}
