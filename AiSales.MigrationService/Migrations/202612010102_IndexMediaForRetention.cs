using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>The media retention (docs/media.md) deletes the oldest files first, a small batch at a time, by this index.</summary>
[Migration(202612010102, "Index media for retention")]
public sealed class IndexMediaForRetention : Migration
{
    public override void Up() => Execute.Sql("CREATE INDEX ix_media_created ON media (created_at);");

    public override void Down() => Execute.Sql("DROP INDEX ix_media_created;");
}
