using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The console's language is the person's choice, remembered with them (contract §9), not only in one browser: null
/// until they first choose, then 'en' or 'ar'. The console applies it at sign-in and keeps its cookie as this browser's cache.
/// </summary>
[Migration(202611301700, "Add the console language of merchant users")]
public sealed class AddMerchantUserLanguage : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE merchant_users ADD COLUMN language text CONSTRAINT ck_merchant_users_language CHECK (language IN ('en', 'ar'));
        """);

    public override void Down() => Execute.Sql("ALTER TABLE merchant_users DROP COLUMN language;");
}
