using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// Meta's statuses update every outbound message again after it is sent, usually twice (delivered, then read), and
/// change only delivery_status, its time and the error columns. None of those is indexed, so PostgreSQL can keep the new
/// version on the same page without writing to the table's six indexes (a HOT update), but only if the page has room:
/// messages are appended, so at the default fill factor every page is full and each status wrote six index entries.
/// Pages filled to 90 % leave that room. It applies to pages written from now on; nothing is rewritten. (The send
/// itself sets external_id, which is indexed, so that update cannot be HOT.)
/// </summary>
[Migration(202612010600, "Leave room on message pages for updates in place")]
public sealed class LeaveRoomForMessageUpdates : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE messages SET (fillfactor = 90);");

    public override void Down() => Execute.Sql("ALTER TABLE messages RESET (fillfactor);");
}
