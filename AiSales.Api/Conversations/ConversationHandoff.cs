using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Conversations;

/// <summary>
/// A person takes a conversation over (the AI stays silent) or hands it back. The status change and its
/// conversation_handoffs row (source 'merchant') are one statement, so one never exists without the other; a
/// request that changes nothing (already in those hands) records nothing, so stats count real changes of hands.
/// </summary>
public static class ConversationHandoff
{
    private static readonly string[] Targets = ["ai", "human"];

    // Handing back gives the AI a fresh start: the failed-turn counts and the last turn error that may have caused
    // the handoff are cleared (the handoff rows keep the history). Taking over a conversation the AI already gave
    // up on keeps its reason.
    private const string HandoffSql = """
        WITH current AS (
            SELECT id, status FROM conversations WHERE id = $1 AND merchant_id = $2 FOR UPDATE
        ), changed AS (
            UPDATE conversations c SET
                status = $3,
                handoff_reason = CASE WHEN $3 = 'ai' THEN NULL WHEN current.status = 'human' THEN c.handoff_reason ELSE 'merchant' END,
                status_changed_at = CASE WHEN current.status = $3 THEN c.status_changed_at ELSE now() END,
                ai_failed_turns = CASE WHEN $3 = 'ai' THEN 0 ELSE c.ai_failed_turns END,
                turn_failures = CASE WHEN $3 = 'ai' AND current.status <> $3 THEN 0 ELSE c.turn_failures END,
                turn_retry_at = CASE WHEN $3 = 'ai' AND current.status <> $3 THEN NULL ELSE c.turn_retry_at END,
                turn_error = CASE WHEN $3 = 'ai' AND current.status <> $3 THEN NULL ELSE c.turn_error END,
                updated_at = now()
            FROM current WHERE c.id = current.id
            RETURNING c.id, current.status AS previous
        ), recorded AS (
            INSERT INTO conversation_handoffs (merchant_id, conversation_id, to_status, source, reason)
            SELECT $2, changed.id, $3, 'merchant', $4 FROM changed WHERE changed.previous <> $3
            RETURNING id
        )
        SELECT count(*) FROM changed
        """;

    public static async Task<Results<Ok<ConversationView>, ValidationProblem, ProblemHttpResult>> HandOffAsync(
        Guid id, HandoffRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        var to = request.To?.Trim().ToLowerInvariant();
        if (to is null || !Targets.Contains(to))
        {
            var errors = new FieldErrors();
            errors.Add("to", "must be \"human\" or \"ai\".");
            return errors.ToProblem();
        }

        await using var command = db.CreateCommand(HandoffSql);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(user.MerchantId());
        command.Parameters.AddWithValue(to);
        command.Parameters.AddWithValue(to == "human" ? "taken over by a person" : "handed back to the AI");
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            return MerchantApiProblems.NotFound("conversation", id);
        }

        return TypedResults.Ok((await ConversationsApi.FindAsync(db, id, user.MerchantId(), cancellationToken))!);
    }
}
