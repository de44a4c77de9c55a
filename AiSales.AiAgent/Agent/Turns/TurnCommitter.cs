using AiSales.AiAgent.Agent.Model;
using AiSales.AiAgent.Delivery;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>What the model produced, to be committed if the conversation still lets the AI speak.</summary>
/// <param name="State">What the assistant remembers after this reply, as JSON; written only if the reply goes in.</param>
/// <param name="Choices">What the reply offers to tap (JSON), carried by its last part.</param>
public sealed record TurnReply(
    IReadOnlyList<string> Parts, string? HandoffReason, int FailedTurns, TurnUsage Usage, string? State = null, string? Choices = null);

/// <summary>
/// Ends a turn in one round trip (one implicit transaction) that re-checks everything under the conversation's row lock:
/// still leased to this process, still the AI's, the AI on, the merchant active, the window open. Only then the answered
/// messages become 'done', older ones 'skipped', the lease is released (one statement: TurnSql.CommitFinishSql) and the
/// reply parts go to the outbox; newer messages stay pending for the next turn. A failed try is recorded with a pause; the last one sends the fallback and hands over.
/// </summary>
public sealed class TurnCommitter(NpgsqlDataSource dataSource, TurnStore store, DeliverySender sender, IOptions<DeliveryOptions> delivery, TimeProvider time)
{
    public async Task<TurnResult> CommitAsync(TurnSnapshot turn, TurnReply reply, CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        var ids = turn.Answer.Select(m => m.Id).ToArray();
        // One round trip, one implicit transaction of two statements and the reply's parts: the guard first (row lock +
        // verdict), then every write conditioned on that verdict. Nothing waits on this process inside the transaction.
        await using var batch = dataSource.CreateBatch();
        TurnStore.Add(batch, TurnSql.CommitGuardSql, conversation.Id, store.Owner, MessagingWindow.Standard.TotalSeconds);
        TurnStore.Add(batch, TurnSql.CommitFinishSql, conversation.Id, reply.FailedTurns, (object?)reply.HandoffReason ?? DBNull.Value,
            (object?)reply.State ?? DBNull.Value, ids, turn.SkipsOlder, conversation.MerchantId, reply.Usage.Provider, reply.Usage.Model,
            reply.HandoffReason is null ? "answered" : "handoff", reply.Usage.ModelCalls, reply.Usage.PromptTokens, reply.Usage.CompletionTokens,
            reply.Usage.ToolCalls, (int)reply.Usage.Duration.TotalMilliseconds);
        var lease = new OutboxLease(sender.LeaseOwner, TimeSpan.FromSeconds(delivery.Value.LeaseSeconds));
        for (var i = 0; i < reply.Parts.Count; i++)
        {
            var part = Part(conversation, conversation.Guard, reply.Parts[i]) with { Choices = i == reply.Parts.Count - 1 ? reply.Choices : null };
            batch.BatchCommands.Add(ReplyOutbox.InsertCommand(part, i == 0 ? lease : null, TurnSql.MayReply));
        }

        bool leased, ok, morePending;
        TurnGuard guard;
        ClaimedDelivery? sendNow = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (leased, ok, guard) = (reader.GetBoolean(0), reader.GetBoolean(1), TurnStore.ReadGuard(reader, 2));
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            morePending = reader.GetBoolean(0);
            if (ok && reply.Parts.Count > 0 && await reader.NextResultAsync(cancellationToken) && await reader.ReadAsync(cancellationToken)
                && reader.GetString(2) == "sending")
            {
                sendNow = Direct(conversation, guard, reader.GetGuid(0), reader.GetInt64(1), reply.Parts[0]) with
                {
                    Choices = reply.Parts.Count == 1 ? reply.Choices : null,
                };
            }
        }

        if (ok)
        {
            return new TurnResult(TurnOutcome.Answered, sendNow, reply.Parts.Count > (sendNow is null ? 0 : 1), morePending);
        }

        if (leased)
        {
            // A person took over (or the AI was switched off) while the model was thinking: nothing was sent, and the
            // messages are the person's now (the rare path, a second round trip).
            await SkipAsync(turn, TurnPolicy.SkipReason(guard, time.GetUtcNow()) ?? "the AI may no longer answer this conversation");
        }

        return TurnResult.Superseded;
    }

    /// <summary>The AI may not speak at all (checked as the turn starts): the messages are skipped with the reason.</summary>
    public async Task SkipAsync(TurnSnapshot turn, string reason)
    {
        var ids = turn.Answer.Select(m => m.Id).ToArray();
        await using var batch = dataSource.CreateBatch();
        if (turn.SkipsOlder)
        {
            TurnStore.Add(batch, TurnSql.SkipOlderSql, turn.Conversation.Id, ids[0]);
        }

        TurnStore.Add(batch, TurnSql.MarkSql, ids, "skipped", reason);
        TurnStore.Add(batch, TurnSql.ReleaseSql, turn.Conversation.Id, store.Owner);
        await batch.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>A failed try that will be retried: the lease is released and the conversation pauses until then.</summary>
    public async Task RecordFailureAsync(TurnSnapshot turn, TurnUsage usage, string error, TimeSpan retryAfter)
    {
        await using var batch = dataSource.CreateBatch();
        TurnStore.Add(batch, """
            UPDATE conversations
            SET turn_failures = turn_failures + 1, turn_error = $3, turn_retry_at = now() + make_interval(secs => $4),
                turn_owner = NULL, turn_expires_at = NULL
            WHERE id = $1 AND turn_owner = $2
            """, turn.Conversation.Id, store.Owner, error, retryAfter.TotalSeconds);
        AddUsage(batch, turn.Conversation, usage, "failed", error);
        await batch.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// The last failed try: every pending message is marked failed with the reason, the customer gets the fallback in
    /// their language (when the AI may still speak), and the conversation goes to a person with the reason visible.
    /// </summary>
    public async Task<TurnResult> GiveUpAsync(TurnSnapshot turn, TurnUsage usage, string language, string error)
    {
        var conversation = turn.Conversation;
        var reason = TurnPolicy.GiveUpReason(conversation.TurnFailures + 1, error);
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        var (leased, guard) = await GuardAsync(connection, transaction, conversation.Id, CancellationToken.None);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var speak = leased && TurnPolicy.SkipReason(guard, time.GetUtcNow()) is null;
        if (speak)
        {
            var fallback = Part(conversation, guard, TurnPolicy.FallbackText(language));
            batch.BatchCommands.Add(ReplyOutbox.InsertCommand(fallback, guard.CanSendNow ? new OutboxLease(sender.LeaseOwner, TimeSpan.FromSeconds(delivery.Value.LeaseSeconds)) : null));
        }

        if (leased)
        {
            TurnStore.Add(batch, "UPDATE messages SET reply_state = 'failed', reply_error = $2 WHERE conversation_id = $1 AND reply_state = 'pending'",
                conversation.Id, error);
            TurnStore.Add(batch, TurnSql.FinishSql, conversation.Id, 0, guard.Status == "ai" ? reason : DBNull.Value, DBNull.Value);
            TurnStore.Add(batch, "UPDATE conversations SET turn_error = $2 WHERE id = $1", conversation.Id, reason);
            if (guard.Status == "ai")
            {
                TurnStore.Add(batch, TurnSql.HandoffSql, conversation.MerchantId, conversation.Id, "failure", reason);
            }
        }

        AddUsage(batch, conversation, usage, "failed", error);
        ClaimedDelivery? sendNow = null;
        await using (var reader = await batch.ExecuteReaderAsync(CancellationToken.None))
        {
            if (speak && await reader.ReadAsync(CancellationToken.None) && reader.GetString(2) == "sending")
            {
                sendNow = Direct(conversation, guard, reader.GetGuid(0), reader.GetInt64(1), TurnPolicy.FallbackText(language));
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        return new TurnResult(TurnOutcome.GaveUp, sendNow, MoreQueued: speak && sendNow is null);
    }

    private async Task<(bool Leased, TurnGuard Guard)> GuardAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(TurnSql.GuardSql, connection, transaction);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(store.Owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), TurnStore.ReadGuard(reader, 1));
    }

    private static OutboxReply Part(TurnConversation conversation, TurnGuard guard, string text) =>
        new(conversation.MerchantId, conversation.Id, conversation.Platform, guard.ChannelId!.Value, guard.Recipient!, text, "ai");

    private static ClaimedDelivery Direct(TurnConversation conversation, TurnGuard guard, Guid deliveryId, long messageId, string body) =>
        new(deliveryId, messageId, conversation.MerchantId, guard.ChannelId!.Value, conversation.Platform, guard.AccountId!,
            guard.Recipient!, body, HumanAgentTag: false, Author: "ai", Attempts: 1, guard.Token!, guard.LastCustomerMessageAt);

    private static void AddUsage(NpgsqlBatch batch, TurnConversation conversation, TurnUsage usage, string outcome, string? error) =>
        TurnStore.Add(batch, TurnSql.UsageSql, conversation.MerchantId, conversation.Id, usage.Provider, usage.Model, outcome, usage.ModelCalls,
            usage.PromptTokens, usage.CompletionTokens, usage.ToolCalls, (int)usage.Duration.TotalMilliseconds, (object?)error ?? DBNull.Value);
}
