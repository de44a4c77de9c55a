using AiSales.AiAgent.Agent;
using AiSales.Core.Knowledge;
using AiSales.Core.Trials;
using Npgsql;

namespace AiSales.AiAgent.Trials;

/// <summary>
/// The assistant_trials table as the agent uses it: claim a waiting trial (SKIP LOCKED, so several agent replicas never
/// answer the same one), record the answer or the failure, and delete old trials.
/// </summary>
public sealed class TrialStore(NpgsqlDataSource dataSource)
{
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // Pending, or claimed by an agent that died (its claim ran out); never one nobody waits for any more.
    private const string ClaimSql = $"""
        UPDATE assistant_trials t SET state = '{AssistantTrials.Answering}', claimed_by = $1, claimed_until = now() + make_interval(secs => $2)
        FROM (SELECT id FROM assistant_trials
              WHERE (state = '{AssistantTrials.Pending}' OR (state = '{AssistantTrials.Answering}' AND claimed_until < now()))
                AND created_at > now() - make_interval(secs => $3)
              ORDER BY created_at
              LIMIT 1
              FOR UPDATE SKIP LOCKED) waiting
        WHERE t.id = waiting.id
        RETURNING t.id, t.merchant_id, t.text
        """;

    private const string MerchantSql = """
        SELECT name, assistant_name, persona, language, greeting, handoff_keywords, faq::text FROM merchants WHERE id = $1
        """;

    private const string FinishSql = """
        UPDATE assistant_trials SET state = $3, reply = $4, language = $5, handoff_reason = $6, error = $7, answered_at = now(),
                                    claimed_until = NULL
        WHERE id = $1 AND claimed_by = $2 AND state = 'answering'
        """;

    private const string DeleteOldSql = """
        DELETE FROM assistant_trials WHERE id IN (
            SELECT id FROM assistant_trials WHERE created_at < now() - make_interval(hours => $1) LIMIT 1000 FOR UPDATE SKIP LOCKED)
        """;

    /// <summary>Claims the oldest waiting trial for as long as an answer may take; null when none waits.</summary>
    public async Task<TrialRequest?> ClaimAsync(CancellationToken cancellationToken)
    {
        var deadline = AssistantTrials.AnswerDeadline.TotalSeconds;
        await using var command = Command(ClaimSql, Owner, deadline, deadline);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TrialRequest(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2))
            : null;
    }

    /// <summary>The merchant's current assistant settings and faq, as a turn would read them.</summary>
    public async Task<MerchantProfile?> MerchantAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = Command(MerchantSql, merchantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MerchantProfile(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetFieldValue<string[]>(5), FaqJson.Deserialize(reader.GetString(6)))
            : null;
    }

    public async Task AnsweredAsync(Guid trialId, TrialAnswer answer, CancellationToken cancellationToken)
    {
        await using var command = Command(FinishSql, trialId, Owner, AssistantTrials.Answered, answer.Reply, answer.Language, answer.HandoffReason, null);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The reason is for the merchant: the kind of failure, never a prompt, a token or a key.</summary>
    public async Task FailedAsync(Guid trialId, string reason, CancellationToken cancellationToken)
    {
        await using var command = Command(FinishSql, trialId, Owner, AssistantTrials.Failed, null, null, null, reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes trials older than the retention, in batches; returns how many.</summary>
    public async Task<long> DeleteOlderThanAsync(int hours, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var command = Command(DeleteOldSql, hours);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < 1000)
            {
                return total;
            }
        }
    }

    private NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
