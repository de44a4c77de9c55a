using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// What the assistant does when a customer sends a photo it cannot see (docs/media.md): 'ask' which product they mean (the
/// default, the behaviour before this setting) or 'handoff' to a person, who can look at it.
/// </summary>
[Migration(202612010100, "Add the merchant's image reply setting")]
public sealed class AddMerchantImageReply : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE merchants ADD COLUMN image_reply text NOT NULL DEFAULT 'ask'
            CONSTRAINT ck_merchants_image_reply CHECK (image_reply IN ('ask', 'handoff'));
        """);

    public override void Down() => Execute.Sql("ALTER TABLE merchants DROP COLUMN image_reply;");
}
