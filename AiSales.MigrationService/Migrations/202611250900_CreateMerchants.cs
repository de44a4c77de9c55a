using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>Merchants (tenants) with their AI configuration, and their hashed API keys.</summary>
[Migration(202611250900, "Create merchants and merchant API keys")]
public sealed class CreateMerchants : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE merchants (
                id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
                assistant_name    text NOT NULL DEFAULT 'Assistant',
                persona           text NOT NULL DEFAULT '',
                language          text NOT NULL DEFAULT 'auto' CHECK (language IN ('auto', 'ar', 'en')),
                greeting          text NOT NULL DEFAULT '',
                ai_enabled        boolean NOT NULL DEFAULT true,
                handoff_keywords  text[] NOT NULL DEFAULT '{}',
                created_at        timestamptz NOT NULL DEFAULT now(),
                updated_at        timestamptz NOT NULL DEFAULT now()
            );

            -- A key is shown once; only a SHA-256 of its secret part is kept. The key id, which is part of the
            -- key itself, finds the row; the hash is then compared in fixed time.
            CREATE TABLE merchant_api_keys (
                id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id   uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                name          text NOT NULL DEFAULT 'default',
                secret_hash   bytea NOT NULL CHECK (length(secret_hash) = 32),
                created_at    timestamptz NOT NULL DEFAULT now(),
                last_used_at  timestamptz,
                revoked_at    timestamptz
            );
            CREATE INDEX ix_merchant_api_keys_merchant ON merchant_api_keys (merchant_id);
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE merchant_api_keys; DROP TABLE merchants;");
    }
}
