using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// One row per outbound message to send through the Graph API, written before the send. A worker leases a
/// row (sending, lease_expires_at), so a crashed sender's work is found again and reconciled instead of
/// being sent twice.
/// </summary>
[Migration(202611250908, "Create outbound deliveries")]
public sealed class CreateOutboundDeliveries : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE outbound_deliveries (
                id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id       uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                conversation_id   uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                message_id        bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                channel_id        uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
                platform          text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
                recipient         text NOT NULL,
                body              text NOT NULL,
                -- Instagram human replies between 24 h and 7 days carry MESSAGE_TAG / HUMAN_AGENT.
                human_agent_tag   boolean NOT NULL DEFAULT false,
                state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
                attempts          integer NOT NULL DEFAULT 0,
                next_attempt_at   timestamptz NOT NULL DEFAULT now(),
                lease_owner       text,
                lease_expires_at  timestamptz,
                external_id       text,
                error_code        integer,
                error_message     text,
                created_at        timestamptz NOT NULL DEFAULT now(),
                updated_at        timestamptz NOT NULL DEFAULT now(),
                sent_at           timestamptz,
                CONSTRAINT uq_outbound_deliveries_message UNIQUE (message_id)
            );
            CREATE INDEX ix_outbound_deliveries_due
                ON outbound_deliveries (next_attempt_at) WHERE state IN ('pending', 'sending');
            CREATE UNIQUE INDEX uq_outbound_deliveries_platform_external_id
                ON outbound_deliveries (platform, external_id) WHERE external_id IS NOT NULL;
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE outbound_deliveries;");
    }
}
