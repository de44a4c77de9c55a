using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>A merchant's WhatsApp number or Instagram account, with its access token encrypted at rest.</summary>
[Migration(202611250901, "Create channels")]
public sealed class CreateChannels : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE channels (
                id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id              uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                platform                 text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
                -- WhatsApp phone_number_id or Instagram account id: what webhooks are routed by.
                account_id               text NOT NULL CHECK (length(account_id) BETWEEN 1 AND 64),
                -- AES-256-GCM: nonce || ciphertext || tag, under the key named by token_key_id.
                token_ciphertext         bytea NOT NULL,
                token_key_id             text NOT NULL,
                token_last4              text NOT NULL,
                status                   text NOT NULL DEFAULT 'connected' CHECK (status IN ('connected', 'disconnected')),
                status_reason            text,
                status_changed_at        timestamptz NOT NULL DEFAULT now(),
                created_at               timestamptz NOT NULL DEFAULT now(),
                updated_at               timestamptz NOT NULL DEFAULT now(),
                -- One account belongs to one merchant; one channel per platform per merchant.
                CONSTRAINT uq_channels_platform_account UNIQUE (platform, account_id),
                CONSTRAINT uq_channels_merchant_platform UNIQUE (merchant_id, platform)
            );
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE channels;");
    }
}
