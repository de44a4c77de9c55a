using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The merchant's switch for interactive replies (contract §5): WhatsApp reply buttons and list messages, Instagram quick
/// replies. On by default; off, the assistant answers in plain text only (which is always the fallback).
/// </summary>
[Migration(202611302100, "Add the merchant's interactive replies switch")]
public sealed class AddMerchantInteractiveReplies : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE merchants ADD COLUMN interactive_replies boolean NOT NULL DEFAULT true;");

    public override void Down() => Execute.Sql("ALTER TABLE merchants DROP COLUMN interactive_replies;");
}
