using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// A WhatsApp channel may name its WhatsApp Business Account (templates are listed from it) and the Meta catalogue
/// its product messages come from (contract §6). Both are Meta's ids, optional, and meaningless on Instagram.
/// Nullable columns with no default: adding them rewrites nothing and never blocks the running revision.
/// </summary>
[Migration(202611302000, "Add the WhatsApp Business Account and catalogue ids of channels")]
public sealed class AddChannelWhatsAppBusinessIds : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE channels
            ADD COLUMN waba_id text,
            ADD COLUMN catalog_id text,
            ADD CONSTRAINT ck_channels_business_ids_whatsapp
                CHECK (platform = 'whatsapp' OR (waba_id IS NULL AND catalog_id IS NULL));
        """);

    public override void Down() => Execute.Sql("""
        ALTER TABLE channels DROP CONSTRAINT ck_channels_business_ids_whatsapp, DROP COLUMN waba_id, DROP COLUMN catalog_id;
        """);
}
