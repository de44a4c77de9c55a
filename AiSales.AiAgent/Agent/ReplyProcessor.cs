using AiSales.AiAgent.Delivery;
using AiSales.AiAgent.Agent.Offline;
using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.AiAgent.Agent;

/// <summary>
/// Answers one conversation's pending messages as one turn, in one transaction: a per-conversation advisory lock
/// (so across all instances a conversation is answered by one worker at a time, in order), the re-read of the
/// conversation (human, aiEnabled, merchant disabled, 24 h window), the agent's tool writes, the outbound
/// messages with their deliveries, and reply_state 'done'/'skipped'. Either all of it commits or none of it.
/// The reply's first part is committed already leased to this process when nothing else of the conversation is
/// waiting to go out, and sent right after the commit (<see cref="DeliverAsync"/>): no claim round trip on the
/// common path, and the same lease rules as the delivery worker (docs/agent.md).
/// </summary>
public sealed class ReplyProcessor(
    NpgsqlDataSource dataSource,
    SalesAgent agent,
    DeliverySender sender,
    DeliverySignal deliverySignal,
    IServiceProvider services,
    IOptions<DeliveryOptions> deliveryOptions,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<ReplyProcessor> logger)
{
    // First key of the two-key advisory lock: keeps these locks apart from any other advisory lock user.
    private const int ConversationLockClass = 52_105;
    private const int FailedTurnsBeforeHandoff = 2;

    public async Task<TurnResult> ProcessAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var loaded = await LoadTurnAsync(connection, transaction, conversationId, cancellationToken);
        if (!loaded.Locked)
        {
            return TurnResult.Busy;
        }

        var (state, pending, history) = (loaded.State, loaded.Pending, loaded.History);
        if (state is null || pending.Count == 0)
        {
            return TurnResult.NothingPending;
        }

        var pendingIds = pending.Select(p => p.Id).ToArray();
        if (SkipReason(state) is { } reason)
        {
            logger.LogInformation("Conversation {ConversationId}: {Count} message(s) not answered ({Reason})", conversationId, pending.Count, reason);
            await using (var skip = new NpgsqlBatch(connection, transaction) { BatchCommands = { ReplyStateCommand(pendingIds, "skipped") } })
            {
                await skip.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return TurnResult.Skipped;
        }

        var customerTexts = pending.Select(p => p.Text).OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var language = state.Merchant.Language is "ar" or "en" ? state.Merchant.Language : CustomerLanguage(customerTexts, history);

        var turn = new AgentTurn(connection, transaction)
        {
            MerchantId = state.MerchantId,
            ConversationId = conversationId,
            CustomerId = state.CustomerId,
            Platform = state.Platform,
            CustomerPhone = state.Platform == "whatsapp" ? state.Recipient : null,
            DraftAtStart = loaded.Draft,
        };

        var reply = customerTexts.Count == 0
            ? (language == "ar" ? "شكرًا! كيف أقدر أساعدك؟" : "Thanks! How can I help you?")
            : await agent.ReplyAsync(turn, state.Merchant, language, history, customerTexts, cancellationToken);

        var failedTurns = turn.Helped || turn.HandedOff || !turn.SearchMissed ? 0 : state.FailedTurns + 1;
        if (failedTurns >= FailedTurnsBeforeHandoff && !turn.HandedOff)
        {
            // Two turns in a row the agent could not help: hand over rather than keep failing.
            await Plugins.HandoffPlugin.TransferAsync(turn, "The assistant could not help twice in a row", cancellationToken);
            reply = new OfflineReplies(new OfflineContext(language, state.Merchant.AssistantName, null, [])).Handoff();
        }

        // One round trip for the reply parts (in order: identity ids), the inbound messages' state and the conversation.
        var parts = string.IsNullOrWhiteSpace(reply) ? [] : MessageSplitter.Split(state.Platform, reply);
        var sendNow = false;
        Guid deliveryId = default;
        long messageId = 0;
        await using (var finish = new NpgsqlBatch(connection, transaction))
        {
            for (var i = 0; i < parts.Count; i++)
            {
                finish.BatchCommands.Add(QueueReplyCommand(state, conversationId, parts[i], leaseNow: i == 0 && state.CanSendNow));
            }

            finish.BatchCommands.Add(ReplyStateCommand(pendingIds, "done"));
            var update = new NpgsqlBatchCommand("""
                UPDATE conversations SET ai_failed_turns = $2, last_activity_at = now(), updated_at = now() WHERE id = $1
                """);
            update.Parameters.AddWithValue(conversationId);
            update.Parameters.AddWithValue(turn.HandedOff ? 0 : failedTurns);
            finish.BatchCommands.Add(update);
            await using var reader = await finish.ExecuteReaderAsync(cancellationToken);
            if (parts.Count > 0 && await reader.ReadAsync(cancellationToken))
            {
                (deliveryId, messageId, sendNow) = (reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2) == "sending");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var direct = sendNow
            ? new ClaimedDelivery(deliveryId, messageId, state.MerchantId, state.ChannelId!.Value, state.Platform, state.AccountId!,
                state.Recipient!, parts[0], HumanAgentTag: false, Author: "ai", Attempts: 1, state.Token!, state.LastCustomerMessageAt)
            : null;
        return new TurnResult(TurnOutcome.Answered, direct, MoreQueued: parts.Count > (sendNow ? 1 : 0));
    }

    /// <summary>After the commit: send the part this turn leased, then wake the senders for anything still queued.</summary>
    public async Task DeliverAsync(TurnResult result, CancellationToken cancellationToken)
    {
        if (result.SendNow is { } delivery)
        {
            await sender.SendAsync(delivery, cancellationToken);
        }

        if (result.MoreQueued)
        {
            deliverySignal.Notify();
            await RedisNudge.PublishAsync(services.GetService<IConnectionMultiplexer>(), OutboundQueue.NudgeChannel, "1", logger);
        }
    }

    /// <summary>Arabic script → Arabic; Latin letters → English; no letters at all (a phone number, "👍") → as before.</summary>
    private static string CustomerLanguage(IReadOnlyList<string> current, IReadOnlyList<HistoryMessage> history)
    {
        foreach (var text in current.Reverse().Concat(history.Where(h => h.FromCustomer).Select(h => h.Text).Reverse()))
        {
            if (IntentDetector.IsArabic(text)) return "ar";
            if (text.Any(char.IsAsciiLetter)) return "en";
        }

        return "en";
    }

    private string? SkipReason(ConversationState state)
    {
        if (state.Status == "human") return "a person handles this conversation";
        if (!state.AiEnabled) return "the merchant turned the AI off";
        if (state.MerchantStatus != "active") return "the merchant is disabled";
        if (state.ChannelId is null) return "the merchant has no channel for this platform";
        if (state.Recipient is null) return "no recipient";
        if (state.LastCustomerMessageAt is not { } last || time.GetUtcNow() - last > TimeSpan.FromHours(24))
        {
            return "the 24-hour window is closed";
        }

        return null;
    }

    private NpgsqlBatchCommand QueueReplyCommand(ConversationState state, Guid conversationId, string text, bool leaseNow)
    {
        // Leased to this process at once ('sending') only when nothing earlier of this conversation waits to go out,
        // so replies keep their order; otherwise it queues for the delivery worker like any other.
        var command = new NpgsqlBatchCommand("""
            WITH message AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, delivery_status, delivery_status_at)
                VALUES ($1, $2, $3, 'outbound', 'ai', 'text', $4, 'pending', now())
                RETURNING id),
            direct AS (
                SELECT $7::boolean AND NOT EXISTS (
                    SELECT 1 FROM outbound_deliveries e WHERE e.conversation_id = $2 AND e.state IN ('pending', 'sending')) AS now)
            INSERT INTO outbound_deliveries (
                merchant_id, conversation_id, message_id, channel_id, platform, recipient, body, state, lease_owner, lease_expires_at, attempts)
            SELECT $1, $2, message.id, $5, $3, $6, $4,
                   CASE WHEN direct.now THEN 'sending' ELSE 'pending' END,
                   CASE WHEN direct.now THEN $8 END,
                   CASE WHEN direct.now THEN now() + make_interval(secs => $9) END,
                   CASE WHEN direct.now THEN 1 ELSE 0 END
            FROM message, direct
            RETURNING id, message_id, state
            """);
        command.Parameters.AddWithValue(state.MerchantId);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(state.Platform);
        command.Parameters.AddWithValue(text);
        command.Parameters.AddWithValue(state.ChannelId!.Value);
        command.Parameters.AddWithValue(state.Recipient!);
        command.Parameters.AddWithValue(leaseNow);
        command.Parameters.AddWithValue(sender.LeaseOwner);
        command.Parameters.AddWithValue((double)deliveryOptions.Value.LeaseSeconds);
        return command;
    }

    private static NpgsqlBatchCommand ReplyStateCommand(long[] ids, string replyState)
    {
        var command = new NpgsqlBatchCommand("UPDATE messages SET reply_state = $2 WHERE id = ANY($1) AND reply_state = 'pending'");
        command.Parameters.AddWithValue(ids);
        command.Parameters.AddWithValue(replyState);
        return command;
    }

    /// <summary>
    /// One round trip (BEGIN included): the conversation's advisory lock, the conversation, its pending messages (locked
    /// only when the advisory lock was ours), the history before them and the draft order.
    /// </summary>
    private async Task<LoadedTurn> LoadTurnAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var lockCommand = new NpgsqlBatchCommand("SELECT pg_try_advisory_xact_lock($1, hashtext($2))");
        lockCommand.Parameters.AddWithValue(ConversationLockClass);
        lockCommand.Parameters.AddWithValue(conversationId.ToString());
        var state = new NpgsqlBatchCommand("""
            SELECT v.merchant_id, v.customer_id, v.platform, v.status, coalesce(v.customer_phone, v.customer_instagram),
                   v.last_customer_message_at, v.ai_failed_turns,
                   m.status, m.ai_enabled, m.name, m.assistant_name, m.persona, m.language, m.greeting, m.handoff_keywords,
                   c.id, c.status, c.account_id, c.token_ciphertext, c.token_key_id
            FROM conversations v
            JOIN merchants m ON m.id = v.merchant_id
            LEFT JOIN channels c ON c.merchant_id = v.merchant_id AND c.platform = v.platform
            WHERE v.id = $1
            """);
        state.Parameters.AddWithValue(conversationId);
        // Re-taking an advisory lock this transaction holds succeeds; one another session holds fails, and then no row
        // is locked (or waited for) here.
        var pending = new NpgsqlBatchCommand("""
            SELECT id, coalesce(text, payload->>'caption')
            FROM messages
            WHERE conversation_id = $1 AND reply_state = 'pending' AND (SELECT pg_try_advisory_xact_lock($2, hashtext($1::text)))
            ORDER BY id
            FOR UPDATE
            """);
        pending.Parameters.AddWithValue(conversationId);
        pending.Parameters.AddWithValue(ConversationLockClass);
        var history = new NpgsqlBatchCommand("""
            SELECT direction, text FROM (
                SELECT id, direction, text FROM messages
                WHERE conversation_id = $1 AND text IS NOT NULL AND NOT is_deleted
                  AND id < coalesce((SELECT min(id) FROM messages WHERE conversation_id = $1 AND reply_state = 'pending'), 0)
                  AND (direction = 'outbound' OR author = 'customer')
                ORDER BY id DESC LIMIT $2) recent
            ORDER BY id
            """);
        history.Parameters.AddWithValue(conversationId);
        history.Parameters.AddWithValue(options.Value.HistoryMessages);
        batch.BatchCommands.Add(lockCommand);
        batch.BatchCommands.Add(state);
        batch.BatchCommands.Add(pending);
        batch.BatchCommands.Add(history);
        Plugins.DraftOrders.AddLoadCommands(batch, conversationId);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var locked = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(0);
        if (!locked)
        {
            return new LoadedTurn(false, null, [], [], null);
        }

        await reader.NextResultAsync(cancellationToken);
        ConversationState? conversation = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            conversation = new ConversationState(
                MerchantId: reader.GetGuid(0),
                CustomerId: reader.GetGuid(1),
                Platform: reader.GetString(2),
                Status: reader.GetString(3),
                Recipient: reader.IsDBNull(4) ? null : reader.GetString(4),
                LastCustomerMessageAt: reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                FailedTurns: reader.GetInt32(6),
                MerchantStatus: reader.GetString(7),
                AiEnabled: reader.GetBoolean(8),
                Merchant: new MerchantProfile(reader.GetString(9), reader.GetString(10), reader.GetString(11), reader.GetString(12),
                    reader.GetString(13), reader.GetFieldValue<string[]>(14)),
                ChannelId: reader.IsDBNull(15) ? null : reader.GetGuid(15),
                ChannelConnected: !reader.IsDBNull(16) && reader.GetString(16) == "connected",
                AccountId: reader.IsDBNull(17) ? null : reader.GetString(17),
                Token: reader.IsDBNull(18) ? null : new SealedSecret(reader.GetFieldValue<byte[]>(18), reader.GetString(19)));
        }

        await reader.NextResultAsync(cancellationToken);
        var messages = new List<(long, string?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var earlier = new List<HistoryMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            earlier.Add(new HistoryMessage(reader.GetString(0) == "inbound", reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var draft = await Plugins.DraftOrders.ReadAsync(reader, cancellationToken);
        return new LoadedTurn(true, conversation, messages, earlier, draft);
    }

    private sealed record LoadedTurn(
        bool Locked, ConversationState? State, List<(long Id, string? Text)> Pending, List<HistoryMessage> History, Plugins.OrderView? Draft);

    private sealed record ConversationState(
        Guid MerchantId, Guid CustomerId, string Platform, string Status, string? Recipient, DateTimeOffset? LastCustomerMessageAt,
        int FailedTurns, string MerchantStatus, bool AiEnabled, MerchantProfile Merchant, Guid? ChannelId,
        bool ChannelConnected, string? AccountId, SealedSecret? Token)
    {
        public bool CanSendNow => ChannelConnected && AccountId is not null && Token is not null;
    }
}
