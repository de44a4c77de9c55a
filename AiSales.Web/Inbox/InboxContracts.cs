namespace AiSales.Web.Inbox;

public sealed record Customer(Guid Id, string? Name, string? Phone, string? InstagramId)
{
    public string Display => Name ?? Phone ?? InstagramId ?? "—";
}

public sealed record Conversation(
    Guid Id, string Platform, string Status, string? HandoffReason, Customer Customer, DateTimeOffset LastActivityAt,
    DateTimeOffset? LastCustomerMessageAt, string? LastMessage, DateTimeOffset? ReplyWindowClosesAt);

public sealed record ConversationPage(List<Conversation> Items, string? NextCursor);

public sealed record Message(
    long Id, string Direction, string Author, string Kind, string? Text, string? DeliveryStatus, int? ErrorCode,
    string? ErrorTitle, string? Reaction, bool IsDeleted, DateTimeOffset CreatedAt);

public sealed record MessagePage(List<Message> Items, long? NextAfter);

/// <summary>One live change from GET /api/events: kind = ready | ping | message | status | handoff | order.</summary>
public sealed record InboxEvent(string Kind, Guid? ConversationId);

/// <summary>The inbox's filters, as the API takes them.</summary>
public sealed record InboxFilter(string? Platform, string? Status, bool Unanswered, string? Search);
