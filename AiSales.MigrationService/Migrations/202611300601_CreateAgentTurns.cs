using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// One row per agent turn: which model answered, its calls, tokens, tool calls and duration, and how the turn ended.
/// GET /api/stats sums them per day; the merchant sees what the AI costs.
/// </summary>
[Migration(202611300601, "Create agent turns")]
public sealed class CreateAgentTurns : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE agent_turns (
                id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                merchant_id        uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
                conversation_id    uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
                provider           text NOT NULL,
                model              text NOT NULL,
                -- answered; handoff (the AI handed over); failed (an attempt failed, retried later or given up);
                -- superseded (the reply was not sent: a person took over, the AI was turned off, the lease was lost…)
                outcome            text NOT NULL CHECK (outcome IN ('answered', 'handoff', 'failed', 'superseded')),
                model_calls        integer NOT NULL DEFAULT 0,
                prompt_tokens      integer NOT NULL DEFAULT 0,
                completion_tokens  integer NOT NULL DEFAULT 0,
                tool_calls         integer NOT NULL DEFAULT 0,
                duration_ms        integer NOT NULL DEFAULT 0,
                error              text,
                created_at         timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX ix_agent_turns_merchant_created ON agent_turns (merchant_id, created_at);
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE agent_turns;");
    }
}
