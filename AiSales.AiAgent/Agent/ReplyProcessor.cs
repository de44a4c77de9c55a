using AiSales.AiAgent.Delivery;
using AiSales.AiAgent.Agent.Offline;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.AiAgent.Agent;

/// <summary>
/// Answers one conversation's pending messages as one turn, in one transaction: a per-conversation advisory lock
/// (so across all instances a conversation is answered by one worker at a time, in order), the re-read of the
/// conversation (human, aiEnabled, merchant disabled, 24 h window), the agent's tool writes, the outbound
/// messages with their deliveries, and reply_state 'done'/'skipped'. Either all of it commits or none of it.
/// </summary>
public sealed class ReplyProcessor(
    NpgsqlDataSource dataSource,
    SalesAgent agent,
    DeliverySignal deliverySignal,
    IServiceProvider services,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<ReplyProcessor> logger)
{
    // First key of the two-key advisory lock: keeps these locks apart from any other advisory lock user.
    private const int ConversationLockClass = 52_105;
    private const int FailedTurnsBeforeHandoff = 2;

    public async Task<TurnOutcome> ProcessAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1, hashtext($2))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue(ConversationLockClass);
            lockCommand.Parameters.AddWithValue(conversationId.ToString());
            if (!(bool)(await lockCommand.ExecuteScalarAsync(cancellationToken))!)
            {
                return TurnOutcome.Busy;
            }
        }

        var (state, pending, history) = await LoadTurnAsync(connection, transaction, conversationId, cancellationToken);
        if (state is null || pending.Count == 0)
        {
            return TurnOutcome.NothingPending;
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
            return TurnOutcome.Skipped;
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
        };

        var reply = customerTexts.Count == 0
            ? (language == "ar" ? "شكرًا! كيف أقدر أساعدك؟" : "Thanks! How can I help you?")
            : await agent.ReplyAsync(turn, state.Merchant, language, history, customerTexts, cancellationToken);

        var failedTurns = turn.Helped || turn.HandedOff || !turn.SearchMissed ? 0 : state.FailedTurns + 1;
        if (failedTurns >= FailedTurnsBeforeHandoff && !turn.HandedOff)
        {
            // Two turns in a row the agent could not help: hand over rather than keep failing.
            await new Plugins.HandoffPlugin(turn).TransferToHumanAsync("The assistant could not help twice in a row", cancellationToken);
            reply = new OfflineReplies(new OfflineContext(language, state.Merchant.AssistantName, null, [])).Handoff();
        }

        // One round trip for the reply parts (in order: identity ids), the inbound messages' state and the conversation.
        await using (var finish = new NpgsqlBatch(connection, transaction))
        {
            if (!string.IsNullOrWhiteSpace(reply))
            {
                foreach (var part in MessageSplitter.Split(state.Platform, reply))
                {
                    finish.BatchCommands.Add(QueueReplyCommand(state, conversationId, part));
                }
            }

            finish.BatchCommands.Add(ReplyStateCommand(pendingIds, "done"));
            var update = new NpgsqlBatchCommand("""
                UPDATE conversations SET ai_failed_turns = $2, last_activity_at = now(), updated_at = now() WHERE id = $1
                """);
            update.Parameters.AddWithValue(conversationId);
            update.Parameters.AddWithValue(turn.HandedOff ? 0 : failedTurns);
            finish.BatchCommands.Add(update);
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        deliverySignal.Notify();
        await NudgeSendersAsync();
        return TurnOutcome.Answered;
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

    private static NpgsqlBatchCommand QueueReplyCommand(ConversationState state, Guid conversationId, string text)
    {
        var command = new NpgsqlBatchCommand("""
            WITH message AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, delivery_status, delivery_status_at)
                VALUES ($1, $2, $3, 'outbound', 'ai', 'text', $4, 'pending', now())
                RETURNING id)
            INSERT INTO outbound_deliveries (merchant_id, conversation_id, message_id, channel_id, platform, recipient, body)
            SELECT $1, $2, message.id, $5, $3, $6, $4 FROM message
            """);
        command.Parameters.AddWithValue(state.MerchantId);
        command.Parameters.AddWithValue(conversationId);
        command.Parameters.AddWithValue(state.Platform);
        command.Parameters.AddWithValue(text);
        command.Parameters.AddWithValue(state.ChannelId!.Value);
        command.Parameters.AddWithValue(state.Recipient!);
        return command;
    }

    private static NpgsqlBatchCommand ReplyStateCommand(long[] ids, string replyState)
    {
        var command = new NpgsqlBatchCommand("UPDATE messages SET reply_state = $2 WHERE id = ANY($1) AND reply_state = 'pending'");
        command.Parameters.AddWithValue(ids);
        command.Parameters.AddWithValue(replyState);
        return command;
    }

    private async Task NudgeSendersAsync()
    {
        if (services.GetService<IConnectionMultiplexer>() is { IsConnected: true } redis)
        {
            try
            {
                await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(OutboundQueue.NudgeChannel), "1");
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogDebug(ex, "Outbound nudge not published; senders poll");
            }
        }
    }

    /// <summary>The conversation, its pending messages and the history before them, in one round trip.</summary>
    private async Task<(ConversationState? State, List<(long Id, string? Text)> Pending, List<HistoryMessage> History)> LoadTurnAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var state = new NpgsqlBatchCommand("""
            SELECT v.merchant_id, v.customer_id, v.platform, v.status, coalesce(v.customer_phone, v.customer_instagram),
                   v.last_customer_message_at, v.ai_failed_turns,
                   m.status, m.ai_enabled, m.name, m.assistant_name, m.persona, m.language, m.greeting, m.handoff_keywords,
                   c.id
            FROM conversations v
            JOIN merchants m ON m.id = v.merchant_id
            LEFT JOIN channels c ON c.merchant_id = v.merchant_id AND c.platform = v.platform
            WHERE v.id = $1
            """);
        state.Parameters.AddWithValue(conversationId);
        var pending = new NpgsqlBatchCommand("""
            SELECT id, coalesce(text, payload->>'caption')
            FROM messages
            WHERE conversation_id = $1 AND reply_state = 'pending'
            ORDER BY id
            FOR UPDATE
            """);
        pending.Parameters.AddWithValue(conversationId);
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
        batch.BatchCommands.Add(state);
        batch.BatchCommands.Add(pending);
        batch.BatchCommands.Add(history);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
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
                ChannelId: reader.IsDBNull(15) ? null : reader.GetGuid(15));
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

        return (conversation, messages, earlier);
    }

    private sealed record ConversationState(
        Guid MerchantId, Guid CustomerId, string Platform, string Status, string? Recipient, DateTimeOffset? LastCustomerMessageAt,
        int FailedTurns, string MerchantStatus, bool AiEnabled, MerchantProfile Merchant, Guid? ChannelId);
}
