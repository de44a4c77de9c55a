using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// A delivery given up because its send outcome was unknown is marked as such, so a later status webhook or echo
/// can repair it (Meta's word beats our guess) while a real Meta failure keeps winning. Adding a column with a
/// constant default rewrites nothing; the partial index stays tiny (only such deliveries).
/// </summary>
[Migration(202611301801, "Add outbound delivery outcome unknown")]
public sealed class AddOutboundDeliveryOutcomeUnknown : Migration
{
    public override void Up() => Execute.Sql("""
        ALTER TABLE outbound_deliveries ADD COLUMN outcome_unknown boolean NOT NULL DEFAULT false;
        CREATE INDEX ix_outbound_deliveries_outcome_unknown ON outbound_deliveries (message_id) WHERE outcome_unknown;
        """);

    public override void Down() => Execute.Sql("""
        DROP INDEX IF EXISTS ix_outbound_deliveries_outcome_unknown;
        ALTER TABLE outbound_deliveries DROP COLUMN outcome_unknown;
        """);
}
