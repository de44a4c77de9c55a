using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The merchant's optional WhatsApp utility templates sent when an order is confirmed or fulfilled (docs/templates.md):
/// <c>{"confirmed": {"name", "language", "parameterCount"}, "fulfilled": {…}}</c>, either key absent when not set.
/// </summary>
[Migration(202612010101, "Add the merchant's order templates")]
public sealed class AddMerchantOrderTemplates : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE merchants ADD COLUMN order_templates jsonb NOT NULL DEFAULT '{}'::jsonb;");

    public override void Down() => Execute.Sql("ALTER TABLE merchants DROP COLUMN order_templates;");
}
