using AiSales.Web.Inbox;

namespace AiSales.UnitTests.Inbox;

/// <summary>Rows and events as the API sends them, with only what the inbox's placement reads set meaningfully.</summary>
internal static class InboxRows
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    public static Conversation Conversation(int n, int minute, string status = "ai", string? last = null) =>
        new(Id(n), "whatsapp", status, null, new Customer(Guid.NewGuid(), $"customer {n}", null, null), Start.AddMinutes(minute),
            Start.AddMinutes(minute), last ?? $"message {n}", null, ChannelConnected: true);

    public static Message Message(long id, int second, string direction = "inbound", string? status = null) =>
        new(id, direction, direction == "inbound" ? "customer" : "ai", "text", $"text {id}", status, null, null, null, false,
            Start.AddSeconds(second), Start.AddSeconds(second));

    public static InboxEvent NewMessage(Conversation conversation, Message? message = null) =>
        new("message", conversation.Id, message, conversation);

    public static InboxEvent Handoff(Conversation conversation) => new("handoff", conversation.Id, null, conversation);

    public static InboxEvent Status(Guid conversationId, Message? message) => new("status", conversationId, message);

    public static List<Guid> Ids(IEnumerable<Conversation> list) => [.. list.Select(c => c.Id)];
}
