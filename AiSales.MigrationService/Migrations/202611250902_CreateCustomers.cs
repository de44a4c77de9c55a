using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>The people who write to a merchant: by WhatsApp phone (wa_id) or Instagram-scoped id.</summary>
[Migration(202611250902, "Create customers")]
public sealed class CreateCustomers : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE customers (
                id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                merchant_id   uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                platform      text NOT NULL CHECK (platform IN ('whatsapp', 'instagram')),
                phone         text,
                instagram_id  text,
                display_name  text,
                created_at    timestamptz NOT NULL DEFAULT now(),
                updated_at    timestamptz NOT NULL DEFAULT now(),
                CHECK (phone IS NOT NULL OR instagram_id IS NOT NULL)
            );
            CREATE UNIQUE INDEX uq_customers_merchant_phone_platform
                ON customers (merchant_id, phone, platform) WHERE phone IS NOT NULL;
            CREATE UNIQUE INDEX uq_customers_merchant_instagram_platform
                ON customers (merchant_id, instagram_id, platform) WHERE instagram_id IS NOT NULL;
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE customers;");
    }
}
