using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>Messages stored before the send order existed: sent when the platform said, else when stored.</summary>
[Migration(202611300604, "Fill the send order of existing messages")]
public sealed class FillMessageSendOrder : Migration
{
    public override void Up()
    {
        Execute.Sql("UPDATE messages SET sent_at = coalesce(platform_timestamp, created_at) WHERE sent_at IS NULL OR platform_timestamp IS NOT NULL;");
    }

    public override void Down()
    {
        // The column itself goes with the previous migration's Down.
    }
}
