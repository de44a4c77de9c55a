using FluentMigrator;

namespace AiSales.MigrationService.Migrations;

/// <summary>
/// The console's "try it" box (contract §9): a merchant's question to the assistant, answered by the agent process with
/// a dry run (nothing sent, stored as a conversation, counted or reserved). A row lives only until the retention deletes
/// it; the partial index keeps the agent's claim query on the few rows still waiting.
/// </summary>
[Migration(202611302300, "Create assistant trials")]
public sealed class CreateAssistantTrials : Migration
{
    public override void Up() => Execute.Sql("""
        CREATE TABLE assistant_trials (
            id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
            merchant_id     uuid NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
            text            text NOT NULL,
            state           text NOT NULL DEFAULT 'pending'
                            CONSTRAINT ck_assistant_trials_state CHECK (state IN ('pending', 'answering', 'answered', 'failed')),
            reply           text,
            language        text,
            handoff_reason  text,
            error           text,
            claimed_by      text,
            claimed_until   timestamptz,
            created_at      timestamptz NOT NULL DEFAULT now(),
            answered_at     timestamptz
        );
        CREATE INDEX ix_assistant_trials_waiting ON assistant_trials (created_at) WHERE state IN ('pending', 'answering');
        CREATE INDEX ix_assistant_trials_created ON assistant_trials (created_at);
        CREATE INDEX ix_assistant_trials_merchant ON assistant_trials (merchant_id, created_at DESC);
        """);

    public override void Down() => Execute.Sql("DROP TABLE assistant_trials;");
}
