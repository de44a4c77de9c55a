using System.Collections.Concurrent;
using System.Threading.Channels;
using AiSales.MetaSimulator.Graph;

namespace AiSales.MetaSimulator.Customers;

/// <summary>
/// One bubble in a simulated chat. From is "customer" or "shop"; Status follows Meta's ticks (a customer's message
/// becomes "read" when the shop marks it read). A shop bubble may offer choices to tap (ChoiceKind: the webhook a tap
/// sends — button_reply, list_reply or quick_reply).
/// </summary>
public sealed record ChatMessage(
    string Id, string From, string Kind, string Text, DateTimeOffset At, string Status,
    string? ChoiceKind = null, IReadOnlyList<ChatChoice>? Choices = null, string? ImageUrl = null);

/// <summary>A change the page should show: a new bubble, a new status for one, or the shop typing ("typing", "typing_off").</summary>
public sealed record ChatEvent(string Type, ChatMessage Message);

/// <summary>The simulated chats, per platform, business account and customer, with live subscribers for the pages.</summary>
public sealed class ChatStore(TimeProvider time)
{
    private static readonly string[] s_statusOrder = ["accepted", "sent", "delivered", "read"];

    private readonly ConcurrentDictionary<string, Chat> _chats = new(StringComparer.Ordinal);

    public IReadOnlyList<ChatMessage> Messages(Platform platform, string accountId, string customerId) =>
        ChatFor(platform, accountId, customerId).Snapshot();

    public ChatMessage AddCustomerMessage(Platform platform, string accountId, string customerId, string id, string kind, string text, string? imageUrl = null) =>
        ChatFor(platform, accountId, customerId).Add(new ChatMessage(id, "customer", kind, text, time.GetUtcNow(), "sent", ImageUrl: imageUrl));

    public ChatMessage AddShopMessage(
        Platform platform, string accountId, string customerId, string id, string text, string? choiceKind = null, IReadOnlyList<ChatChoice>? choices = null) =>
        ChatFor(platform, accountId, customerId).Add(new ChatMessage(
            id, "shop", choices is { Count: > 0 } ? "interactive" : "text", text, time.GetUtcNow(), "accepted",
            choices is { Count: > 0 } ? choiceKind : null, choices is { Count: > 0 } ? choices : null));

    /// <summary>A WhatsApp read receipt for a customer's message (found by its id), with the typing bubble if asked.</summary>
    public void CustomerMessageRead(Platform platform, string accountId, string messageId, bool typing)
    {
        var prefix = $"{platform}/{accountId}/";
        foreach (var (key, chat) in _chats)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && chat.Contains(messageId))
            {
                chat.MarkCustomerRead(messageId);
                if (typing)
                {
                    chat.Signal("typing", time.GetUtcNow());
                }

                return;
            }
        }
    }

    /// <summary>An Instagram sender action: mark_seen reads the customer's messages; typing_on / typing_off the bubble.</summary>
    public void CustomerSignal(Platform platform, string accountId, string customerId, string action)
    {
        var chat = ChatFor(platform, accountId, customerId);
        if (action == "mark_seen")
        {
            chat.MarkCustomerRead(null);
        }
        else
        {
            chat.Signal(action == "typing_on" ? "typing" : "typing_off", time.GetUtcNow());
        }
    }

    /// <summary>Moves a shop message's ticks forward (never backwards).</summary>
    public void UpdateStatus(Platform platform, string accountId, string customerId, string messageId, string status) =>
        ChatFor(platform, accountId, customerId).UpdateStatus(messageId, status);

    public ChannelReader<ChatEvent> Subscribe(Platform platform, string accountId, string customerId, CancellationToken cancellationToken) =>
        ChatFor(platform, accountId, customerId).Subscribe(cancellationToken);

    private Chat ChatFor(Platform platform, string accountId, string customerId) =>
        _chats.GetOrAdd($"{platform}/{accountId}/{customerId}", _ => new Chat());

    private sealed class Chat
    {
        private readonly Lock _gate = new();
        private readonly List<ChatMessage> _messages = [];
        private readonly List<Channel<ChatEvent>> _subscribers = [];

        public IReadOnlyList<ChatMessage> Snapshot()
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }

        public ChatMessage Add(ChatMessage message)
        {
            lock (_gate)
            {
                _messages.Add(message);
                Publish(new ChatEvent("message", message));
            }

            return message;
        }

        public bool Contains(string messageId)
        {
            lock (_gate)
            {
                return _messages.Exists(m => m.Id == messageId);
            }
        }

        /// <summary>The customer's message (or, with null, all of them) read by the shop.</summary>
        public void MarkCustomerRead(string? messageId)
        {
            foreach (var message in Snapshot().Where(m => m.From == "customer" && (messageId is null || m.Id == messageId)))
            {
                UpdateStatus(message.Id, "read");
            }
        }

        public void Signal(string type, DateTimeOffset at)
        {
            lock (_gate)
            {
                Publish(new ChatEvent(type, new ChatMessage("typing", "shop", type, "", at, "")));
            }
        }

        public void UpdateStatus(string messageId, string status)
        {
            lock (_gate)
            {
                var index = _messages.FindIndex(m => m.Id == messageId);
                if (index < 0 || Array.IndexOf(s_statusOrder, status) <= Array.IndexOf(s_statusOrder, _messages[index].Status))
                {
                    return;
                }

                _messages[index] = _messages[index] with { Status = status };
                Publish(new ChatEvent("status", _messages[index]));
            }
        }

        public ChannelReader<ChatEvent> Subscribe(CancellationToken cancellationToken)
        {
            var channel = Channel.CreateUnbounded<ChatEvent>();
            lock (_gate)
            {
                _subscribers.Add(channel);
            }

            cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _subscribers.Remove(channel);
                }

                channel.Writer.TryComplete();
            });
            return channel.Reader;
        }

        private void Publish(ChatEvent chatEvent)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(chatEvent);
            }
        }
    }
}
