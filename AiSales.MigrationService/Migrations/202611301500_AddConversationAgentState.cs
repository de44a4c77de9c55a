using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// What the assistant remembers between turns beyond the messages (the products it last showed, the question it is
/// waiting on, the last order confirmed), kept with the conversation so any agent instance can take the next turn.
/// Written only together with a committed reply.
/// </summary>
[Migration(202611301500, "Add the conversation agent state")]
public sealed class AddConversationAgentState : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE conversations ADD COLUMN agent_state jsonb;");

    public override void Down() => Execute.Sql("ALTER TABLE conversations DROP COLUMN agent_state;");
}
