using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>Every message has a send time from now on.</summary>
[Migration(202611300605, "Require the messages' send time")]
public sealed class RequireMessageSendOrder : Migration
{
    public override void Up()
    {
        Execute.Sql("ALTER TABLE messages ALTER COLUMN sent_at SET NOT NULL;");
    }

    public override void Down()
    {
        Execute.Sql("ALTER TABLE messages ALTER COLUMN sent_at DROP NOT NULL;");
    }
}
