using System.Text.Json;
using AiSales.Core.Messaging;
using Npgsql;

namespace AiSales.Api.Conversations;

public sealed record CustomerView(Guid Id, string? Name, string? Phone, string? InstagramId);

/// <param name="ChannelConnected">
/// Whether the merchant's channel for this platform is connected, the first thing a reply needs (<see cref="HumanReply"/>
/// and the template send refuse with 409 otherwise): false once Meta rejected its token (error 190), until it is reconnected.
/// </param>
public sealed record ConversationView(
    Guid Id, string Platform, string Status, string? HandoffReason, string? LastTurnError, DateTimeOffset StatusChangedAt, CustomerView Customer,
    DateTimeOffset LastActivityAt, DateTimeOffset? LastCustomerMessageAt, string? LastMessage, DateTimeOffset CreatedAt, bool ChannelConnected)
{
    /// <summary>Until when a person may reply free-form (Meta's windows, MessagingWindow); null before the customer writes.</summary>
    public DateTimeOffset? ReplyWindowClosesAt => LastCustomerMessageAt
        + (Platform == Platforms.Instagram ? MessagingWindow.InstagramHumanAgent : MessagingWindow.Standard);
}

public sealed record ConversationPage(IReadOnlyList<ConversationView> Items, string? NextCursor);

public sealed record MessageView(
    long Id, string Direction, string Author, string Kind, string? Text, JsonElement Payload, string? DeliveryStatus,
    DateTimeOffset? DeliveryStatusAt, int? ErrorCode, string? ErrorTitle, string? Reaction, bool IsDeleted,
    DateTimeOffset? PlatformTimestamp, DateTimeOffset SentAt, DateTimeOffset CreatedAt, MessageMedia? Media);

/// <summary>A customer's file on a message (docs/media.md); its bytes at GET /api/media/{id} once state is 'stored'.</summary>
public sealed record MessageMedia(Guid Id, string Type, string? MimeType, long? Size, string State);

/// <summary>nextAfter: the next page forwards (after=); nextBefore: the next page backwards (before=), older messages.</summary>
public sealed record MessagePage(IReadOnlyList<MessageView> Items, long? NextAfter, long? NextBefore = null);

public sealed record HandoffRequest(string? To);

public sealed record HumanReplyRequest(string? Text);

public static class ConversationSql
{
    public const string Select = """
        SELECT c.id, c.platform, c.status, c.handoff_reason, c.status_changed_at,
               cu.id, cu.display_name, cu.phone, cu.instagram_id,
               c.last_activity_at, c.last_customer_message_at,
               (SELECT left(m.text, 200) FROM messages m WHERE m.conversation_id = c.id
                ORDER BY m.sent_at DESC, m.arrival DESC, m.id DESC LIMIT 1),
               c.created_at, c.turn_error, coalesce(ch.status = 'connected', false)
        FROM conversations c JOIN customers cu ON cu.id = c.customer_id
        LEFT JOIN channels ch ON ch.merchant_id = c.merchant_id AND ch.platform = c.platform
        """;

    public const string MessageColumns = """
        id, direction, author, kind, text, payload::text, delivery_status, delivery_status_at, error_code, error_title,
        reaction, is_deleted, platform_timestamp, created_at, sent_at,
        (SELECT json_build_object('id', md.id, 'type', md.type, 'mimeType', md.mime_type, 'size', md.size_bytes, 'state', md.state)::text
         FROM media md WHERE md.message_id = messages.id)
        """;

    /// <summary>The send order (contract §4 rule 9); DESC of it is its exact reverse (NULL arrival: ours, last in a tie).</summary>
    public const string SendOrder = "sent_at, arrival, id";

    public static ConversationView ReadConversation(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 13), r.GetFieldValue<DateTimeOffset>(4),
        new CustomerView(r.GetGuid(5), NullableString(r, 6), NullableString(r, 7), NullableString(r, 8)),
        r.GetFieldValue<DateTimeOffset>(9), NullableTime(r, 10), NullableString(r, 11), r.GetFieldValue<DateTimeOffset>(12), r.GetBoolean(14));

    public static MessageView ReadMessage(NpgsqlDataReader r)
    {
        using var payload = JsonDocument.Parse(r.GetString(5));
        return new MessageView(
            r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), NullableString(r, 4), payload.RootElement.Clone(),
            NullableString(r, 6), NullableTime(r, 7), r.IsDBNull(8) ? null : r.GetInt32(8), NullableString(r, 9),
            NullableString(r, 10), r.GetBoolean(11), NullableTime(r, 12), r.GetFieldValue<DateTimeOffset>(14), r.GetFieldValue<DateTimeOffset>(13),
            r.IsDBNull(15) ? null : JsonSerializer.Deserialize<MessageMedia>(r.GetString(15), JsonSerializerOptions.Web));
    }

    private static string? NullableString(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
