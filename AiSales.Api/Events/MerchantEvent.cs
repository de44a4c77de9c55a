using AiSales.Api.Conversations;

namespace AiSales.Api.Events;

/// <summary>
/// One change a merchant's console shows live: kind = message | status | handoff | order. A message or status event
/// carries the message as GET …/messages lists it, a message or handoff event the conversation as GET
/// /api/conversations/{id} shows it, so a client applies the change without asking again (null when the row could
/// not be read: the client then reads it itself).
/// </summary>
public sealed record MerchantEvent(string Kind, Guid? ConversationId, string Id, MessageView? Message = null, ConversationView? Conversation = null)
{
    /// <summary>Events were lost (the stream fell behind, or the database connection was re-established): reload.</summary>
    public static readonly MerchantEvent Reset = new("reset", null, "");
}

/// <summary>What a trigger NOTIFYs (migration 202611301302): the row's merchant, the kind, its conversation and id.</summary>
public sealed record MerchantNotification(Guid MerchantId, string Kind, Guid? ConversationId, string Id)
{
    public long? MessageId => Kind is "message" or "status" && long.TryParse(Id, out var id) ? id : null;

    public bool NeedsConversation => Kind is "message" or "handoff" && ConversationId is not null;
}
