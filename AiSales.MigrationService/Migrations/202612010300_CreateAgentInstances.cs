using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The running <c>ai-agent</c> processes, each refreshing its row every few seconds: how many there are is how the
/// per-number send limit (Meta's 80 messages/s) is shared across the fleet (docs/agent.md, "Sending").
/// </summary>
[Migration(202612010300, "Create agent instances")]
public sealed class CreateAgentInstances : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE agent_instances (
            id          text PRIMARY KEY,
            started_at  timestamptz NOT NULL DEFAULT now(),
            seen_at     timestamptz NOT NULL DEFAULT now()
        );
        """);

    public override void Down() => Execute.Sql("DROP TABLE agent_instances;");
}
