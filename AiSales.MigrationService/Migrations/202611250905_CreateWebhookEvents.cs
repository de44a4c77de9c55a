using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>The durable inbox: every verified webhook body, byte for byte, committed before Meta gets its 200.</summary>
[Migration(202611250905, "Create webhook events")]
public sealed class CreateWebhookEvents : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE webhook_events (
                id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform      text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
                received_at   timestamptz NOT NULL DEFAULT now(),
                body          bytea NOT NULL,
                state         text NOT NULL DEFAULT 'received'
                              CHECK (state IN ('received', 'processed', 'unparsed', 'unrouted', 'failed')),
                attempts      integer NOT NULL DEFAULT 0,
                error         text,
                processed_at  timestamptz
            );
            CREATE INDEX ix_webhook_events_received ON webhook_events (id) WHERE state = 'received';
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE webhook_events;");
    }
}
