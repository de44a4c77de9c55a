using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// A delivery may carry an approved WhatsApp template instead of text (docs/templates.md): the <c>template</c> object
/// of Meta's message body, sent as it is. A nullable column without a default: adding it rewrites nothing.
/// </summary>
[Migration(202611302201, "Add outbound delivery template")]
public sealed class AddOutboundDeliveryTemplate : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE outbound_deliveries ADD COLUMN template jsonb;");

    public override void Down() => Execute.Sql("ALTER TABLE outbound_deliveries DROP COLUMN template;");
}
