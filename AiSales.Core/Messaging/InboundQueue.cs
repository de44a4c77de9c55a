using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AiSales.Core.Messaging;

/// <summary>
/// The hand-over from webhook ingestion to the agent. PostgreSQL is the truth: a new inbound customer
/// message is stored with reply_state = 'pending'. After the commit, the API also adds an entry to this
/// Redis stream so the agent reacts at once; if Redis is down the entry is simply missing and the agent
/// finds the pending message by polling PostgreSQL.
/// </summary>
public static class InboundQueue
{
    public const string StreamKey = "aisales:inbound";
    public const string ConsumerGroup = "ai-agent";
    public const string MessageIdField = "message_id";
    public const string ConversationIdField = "conversation_id";
    public const string MerchantIdField = "merchant_id";

    /// <summary>Published after a batch of entries was added: wakes idle consumers at once instead of at their next poll.</summary>
    public const string NudgeChannel = "aisales:inbound:nudge";

    /// <summary>Keep the stream bounded; anything trimmed is still pending in PostgreSQL.</summary>
    public const int ApproximateMaxLength = 100_000;

    /// <summary>Best effort: returns false (and logs at debug) when Redis is absent or unavailable.</summary>
    public static async Task<bool> TryPublishAsync(
        IConnectionMultiplexer? redis, long messageId, Guid conversationId, Guid merchantId, ILogger logger)
    {
        if (redis is null || !redis.IsConnected)
        {
            return false;
        }

        try
        {
            await redis.GetDatabase().StreamAddAsync(
                StreamKey,
                [
                    new NameValueEntry(MessageIdField, messageId),
                    new NameValueEntry(ConversationIdField, conversationId.ToString()),
                    new NameValueEntry(MerchantIdField, merchantId.ToString()),
                ],
                maxLength: ApproximateMaxLength,
                useApproximateMaxLength: true);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Inbound message {MessageId} not published to Redis; the agent will find it in PostgreSQL", messageId);
            return false;
        }
    }
}
