using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Api.Conversations;

/// <summary>
/// A merchant's own reply. It is stored as an outbound message with its outbound_deliveries row in one
/// transaction (the agent's sender delivers it through the Graph API), then the sender is nudged. Meta's
/// windows are checked first: WhatsApp free-form replies within 24 h of the customer's last message;
/// Instagram within 24 h, or up to 7 days with the HUMAN_AGENT tag. A long reply is split into parts like the
/// agent's (<see cref="MessageSplitter"/>), so Meta never refuses it for its length after a 202.
/// </summary>
public static class HumanReply
{
    /// <summary>The longest reply accepted: four WhatsApp messages; any longer is more likely a paste gone wrong than a reply.</summary>
    public const int MaxLength = 16_384;

    public static async Task<Results<Accepted<MessageView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid id, HumanReplyRequest request, ClaimsPrincipal user, NpgsqlDataSource db, IServiceProvider services,
        ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", request.Text, MaxLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var merchantId = user.MerchantId();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("""
            SELECT c.platform,
                   CASE WHEN c.platform = 'whatsapp' THEN c.customer_phone ELSE c.customer_instagram END,
                   extract(epoch FROM now() - coalesce(c.last_customer_message_at,
                       (SELECT max(coalesce(m.platform_timestamp, m.created_at)) FROM messages m
                        WHERE m.conversation_id = c.id AND m.author = 'customer')))::float8,
                   ch.id, ch.status
            FROM conversations c
            LEFT JOIN channels ch ON ch.merchant_id = c.merchant_id AND ch.platform = c.platform
            WHERE c.id = $1 AND c.merchant_id = $2
            FOR UPDATE OF c
            """, connection, transaction);
        find.Parameters.AddWithValue(id);
        find.Parameters.AddWithValue(merchantId);

        string platform;
        string? recipient;
        TimeSpan? sinceCustomer;
        Guid? channelId;
        string? channelStatus;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return MerchantApiProblems.NotFound("conversation", id);
            }

            platform = reader.GetString(0);
            recipient = reader.IsDBNull(1) ? null : reader.GetString(1);
            sinceCustomer = reader.IsDBNull(2) ? null : TimeSpan.FromSeconds(reader.GetDouble(2));
            channelId = reader.IsDBNull(3) ? null : reader.GetGuid(3);
            channelStatus = reader.IsDBNull(4) ? null : reader.GetString(4);
        }

        if (channelId is null || channelStatus != "connected")
        {
            return MerchantApiProblems.Conflict(channelId is null
                ? $"No {platform} channel is connected; connect it with PUT /api/merchant/channels/{platform}."
                : $"The {platform} channel is disconnected (its token was rejected); reconnect it with PUT /api/merchant/channels/{platform}.");
        }

        if (recipient is null || sinceCustomer is null)
        {
            return MerchantApiProblems.Conflict("The customer has not written yet, so Meta does not allow a reply.");
        }

        var now = DateTimeOffset.UtcNow;
        var window = MessagingWindow.Check(platform, byPerson: true, now - sinceCustomer, now);
        if (window == WindowVerdict.Closed)
        {
            return MerchantApiProblems.Conflict(platform == Platforms.WhatsApp
                ? "WhatsApp's 24-hour window since the customer's last message is closed; a template message is needed."
                : "Instagram's 7-day human agent window since the customer's last message is closed.");
        }

        // Split like the agent's replies (contract section 5: Instagram 1,000 bytes, WhatsApp 4,096 characters), each
        // part through the outbox insert the agent uses too (ReplyOutbox); the parts go out in order.
        var parts = MessageSplitter.Split(platform, text);
        await using var insert = new NpgsqlBatch(connection, transaction);
        foreach (var part in parts)
        {
            insert.BatchCommands.Add(ReplyOutbox.InsertCommand(
                new OutboxReply(merchantId, id, platform, channelId.Value, recipient, part, "human", window == WindowVerdict.HumanAgentTag)));
        }

        var touch = new NpgsqlBatchCommand("UPDATE conversations SET last_activity_at = now(), updated_at = now() WHERE id = $1");
        touch.Parameters.AddWithValue(id);
        insert.BatchCommands.Add(touch);
        var queued = new List<(Guid DeliveryId, long MessageId)>(parts.Count);
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            do
            {
                if (queued.Count < parts.Count && await reader.ReadAsync(cancellationToken))
                {
                    queued.Add((reader.GetGuid(0), reader.GetInt64(1)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        // The answer shows the first part; GET …/messages lists every part.
        MessageView message;
        await using (var read = new NpgsqlCommand($"SELECT {ConversationSql.MessageColumns} FROM messages WHERE id = $1", connection, transaction))
        {
            read.Parameters.AddWithValue(queued[0].MessageId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            message = ConversationSql.ReadMessage(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        // Best effort: without Redis the sender finds the delivery on its next poll.
        await RedisNudge.PublishAsync(
            services.GetService<IConnectionMultiplexer>(), OutboundQueue.NudgeChannel, queued[0].DeliveryId.ToString(),
            loggerFactory.CreateLogger(typeof(HumanReply)), LogLevel.Warning);
        return TypedResults.Accepted($"/api/conversations/{id}/messages", message);
    }
}
