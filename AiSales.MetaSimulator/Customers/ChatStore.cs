using System.Collections.Concurrent;
using System.Threading.Channels;
using AiSales.MetaSimulator.Graph;

namespace AiSales.MetaSimulator.Customers;

/// <summary>One bubble in a simulated chat. From is "customer" or "shop"; Status follows Meta's ticks for shop messages.</summary>
public sealed record ChatMessage(string Id, string From, string Kind, string Text, DateTimeOffset At, string Status, string? ImageUrl = null);

/// <summary>A change the page should show: a new bubble, or a new status for one.</summary>
public sealed record ChatEvent(string Type, ChatMessage Message);

/// <summary>The simulated chats, per platform, business account and customer, with live subscribers for the pages.</summary>
public sealed class ChatStore(TimeProvider time)
{
    private static readonly string[] s_statusOrder = ["accepted", "sent", "delivered", "read"];

    private readonly ConcurrentDictionary<string, Chat> _chats = new(StringComparer.Ordinal);

    public IReadOnlyList<ChatMessage> Messages(Platform platform, string accountId, string customerId) =>
        ChatFor(platform, accountId, customerId).Snapshot();

    public ChatMessage AddCustomerMessage(Platform platform, string accountId, string customerId, string id, string kind, string text, string? imageUrl = null) =>
        ChatFor(platform, accountId, customerId).Add(new ChatMessage(id, "customer", kind, text, time.GetUtcNow(), "sent", imageUrl));

    public ChatMessage AddShopMessage(Platform platform, string accountId, string customerId, string id, string text) =>
        ChatFor(platform, accountId, customerId).Add(new ChatMessage(id, "shop", "text", text, time.GetUtcNow(), "accepted"));

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
