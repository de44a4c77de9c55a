namespace AiSales.Web.Inbox;

public sealed record Customer(Guid Id, string? Name, string? Phone, string? InstagramId)
{
    public string Display => Name ?? Phone ?? InstagramId ?? "—";
}

/// <summary>A conversation as the API lists it; what it says about replying is read by <see cref="ReplyRule"/>.</summary>
public sealed record Conversation(
    Guid Id, string Platform, string Status, string? HandoffReason, Customer Customer, DateTimeOffset LastActivityAt,
    DateTimeOffset? LastCustomerMessageAt, string? LastMessage, DateTimeOffset? ReplyWindowClosesAt, bool ChannelConnected);

public sealed record ConversationPage(List<Conversation> Items, string? NextCursor);

/// <summary>A conversation's place in the list: newest activity first, then id (the API's order, which its cursor follows).</summary>
public readonly record struct ListPlace(DateTimeOffset LastActivityAt, Guid Id) : IComparable<ListPlace>
{
    public static ListPlace Of(Conversation conversation) => new(conversation.LastActivityAt, conversation.Id);

    /// <summary>Negative when this place is nearer the top than <paramref name="other"/>.</summary>
    public int CompareTo(ListPlace other) =>
        other.LastActivityAt.CompareTo(LastActivityAt) is var byTime and not 0 ? byTime : other.Id.CompareTo(Id);
}

/// <summary>A customer's file on a message; its bytes through the console's /media/{id} once its state is "stored".</summary>
public sealed record MessageMedia(Guid Id, string Type, string? MimeType, long? Size, string State)
{
    public bool IsImage => Type is "image" or "sticker";
}

public sealed record Message(
    long Id, string Direction, string Author, string Kind, string? Text, string? DeliveryStatus, int? ErrorCode,
    string? ErrorTitle, string? Reaction, bool IsDeleted, DateTimeOffset SentAt, DateTimeOffset CreatedAt, MessageMedia? Media = null);

/// <summary>A page of messages, oldest first: nextAfter pages forwards, nextBefore backwards (older messages).</summary>
public sealed record MessagePage(List<Message> Items, long? NextAfter, long? NextBefore);

/// <summary>
/// One live change from GET /api/events: kind = ready | ping | reset | message | status | handoff | order. A message
/// or status event carries the message, a message or handoff event the conversation (null if the API could not read it).
/// </summary>
public sealed record InboxEvent(string Kind, Guid? ConversationId, Message? Message = null, Conversation? Conversation = null);

/// <summary>A template of the WhatsApp Business Account; parameterCount is its body's highest {{n}} (0 when Meta gave no body).</summary>
public sealed record MessageTemplate(string Name, string Language, string Status, string? Category, string? Body, int ParameterCount);

public sealed record TemplateList(List<MessageTemplate> Items, DateTimeOffset SyncedAt);

/// <summary>The inbox's filters, as the API takes them.</summary>
public sealed record InboxFilter(string? Platform, string? Status, bool Unanswered, string? Search)
{
    public bool Any => Platform is not null || Status is not null || Unanswered || !string.IsNullOrWhiteSpace(Search);
}
