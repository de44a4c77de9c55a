using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace AiSales.Api.Events;

/// <summary>One change a merchant's console shows live: kind = message | status | handoff | order.</summary>
public sealed record MerchantEvent(string Kind, Guid? ConversationId, string Id);

/// <summary>
/// LISTENs on PostgreSQL's merchant_events channel (NOTIFYs come from triggers, whoever wrote the row) over one
/// dedicated, unpooled connection, and hands each event to that merchant's open streams. Reconnects after a failure;
/// a slow reader loses its oldest events rather than holding anything up. Only merchants with an open stream are
/// announced by the database at all (<see cref="MerchantEventWatchers"/>).
/// </summary>
public sealed class MerchantEventHub(IConfiguration configuration, MerchantEventWatchers watchers, ILogger<MerchantEventHub> logger) : BackgroundService
{
    public const string Channel = "merchant_events";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<MerchantEvent>, byte>> _subscribers = new();

    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A stream of the merchant's events, from the moment the merchant is marked as watched.</summary>
    public async Task<Channel<MerchantEvent>> SubscribeAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var channel = Subscribe(merchantId);
        await watchers.WatchAsync([merchantId], cancellationToken);
        return channel;
    }

    private Channel<MerchantEvent> Subscribe(Guid merchantId)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<MerchantEvent>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers.GetOrAdd(merchantId, _ => new())[channel] = 0;
        return channel;
    }

    public void Unsubscribe(Guid merchantId, Channel<MerchantEvent> channel)
    {
        if (_subscribers.TryGetValue(merchantId, out var channels))
        {
            channels.TryRemove(channel, out _);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        ListenAsync(stoppingToken),
        watchers.RenewAsync(() => _subscribers.Where(s => !s.Value.IsEmpty).Select(s => s.Key).ToArray(), stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // LISTEN is session state: this connection never goes back to a pool.
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DataExtensions.DatabaseName))
        {
            Pooling = false,
            KeepAlive = 30,
        }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                logger.LogWarning(ex, "Listening for merchant events failed; retrying in 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Dispatch(string payload)
    {
        Notification? notification;
        try
        {
            notification = JsonSerializer.Deserialize<Notification>(payload, Json);
        }
        catch (JsonException)
        {
            return;
        }

        if (notification is null || !_subscribers.TryGetValue(notification.MerchantId, out var channels))
        {
            return;
        }

        var merchantEvent = new MerchantEvent(notification.Kind, notification.ConversationId, notification.Id);
        foreach (var channel in channels.Keys)
        {
            channel.Writer.TryWrite(merchantEvent);
        }
    }

    private sealed record Notification(Guid MerchantId, string Kind, Guid? ConversationId, string Id);
}
