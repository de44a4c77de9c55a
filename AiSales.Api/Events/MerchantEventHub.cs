using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace AiSales.Api.Events;

/// <summary>
/// LISTENs on PostgreSQL's merchant_events channel (NOTIFYs come from triggers, whoever wrote the row) over one
/// dedicated, unpooled connection; reads, once per batch of notifications, the rows the events carry
/// (<see cref="MerchantEventDetails"/>), and hands each event to that merchant's open streams. Reconnects after a
/// failure; a slow reader loses its oldest events, and is told so, rather than holding anything up. Only merchants with
/// an open stream are announced by the database at all (<see cref="MerchantEventWatchers"/>).
/// </summary>
public sealed class MerchantEventHub(
    IConfiguration configuration, MerchantEventWatchers watchers, MerchantEventDetails details, ILogger<MerchantEventHub> logger) : BackgroundService
{
    public const string Channel = "merchant_events";
    private const int BatchSize = 256;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<MerchantEventSubscription, byte>> _subscribers = new();
    private readonly Channel<MerchantNotification> _notifications = System.Threading.Channels.Channel.CreateUnbounded<MerchantNotification>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public TaskCompletionSource Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A stream of the merchant's events, from the moment the merchant is marked as watched.</summary>
    public async Task<MerchantEventSubscription> SubscribeAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        var subscription = new MerchantEventSubscription();
        _subscribers.GetOrAdd(merchantId, _ => new())[subscription] = 0;
        await watchers.WatchAsync([merchantId], cancellationToken);
        return subscription;
    }

    public void Unsubscribe(Guid merchantId, MerchantEventSubscription subscription)
    {
        if (_subscribers.TryGetValue(merchantId, out var subscriptions))
        {
            subscriptions.TryRemove(subscription, out _);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        ListenAsync(stoppingToken),
        DeliverAsync(stoppingToken),
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

                if (!Listening.TrySetResult())
                {
                    // Listening again after a failure: what was committed meanwhile was never heard.
                    ResetAll();
                }

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
        try
        {
            if (JsonSerializer.Deserialize<MerchantNotification>(payload, Json) is { } notification && _subscribers.ContainsKey(notification.MerchantId))
            {
                _notifications.Writer.TryWrite(notification);
            }
        }
        catch (JsonException)
        {
        }
    }

    private void ResetAll()
    {
        foreach (var subscription in _subscribers.Values.SelectMany(s => s.Keys))
        {
            subscription.Channel.Writer.TryWrite(MerchantEvent.Reset);
        }
    }

    /// <summary>Whatever arrived meanwhile is one batch: one read of its rows, then each event to its merchant's streams, in order.</summary>
    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        var batch = new List<MerchantNotification>(BatchSize);
        try
        {
            while (await _notifications.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < BatchSize && _notifications.Reader.TryRead(out var notification))
                {
                    batch.Add(notification);
                }

                foreach (var (merchantId, merchantEvent) in await WithDetailsAsync(batch, stoppingToken))
                {
                    if (_subscribers.TryGetValue(merchantId, out var subscriptions))
                    {
                        foreach (var subscription in subscriptions.Keys)
                        {
                            subscription.Channel.Writer.TryWrite(merchantEvent);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<IReadOnlyList<(Guid, MerchantEvent)>> WithDetailsAsync(List<MerchantNotification> batch, CancellationToken stoppingToken)
    {
        try
        {
            return await details.ReadAsync(batch, stoppingToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The bare events still go out: a client reads the rows itself when an event carries none.
            logger.LogWarning(ex, "Could not read the rows of {Count} merchant events; sending them without", batch.Count);
            return [.. batch.Select(n => (n.MerchantId, new MerchantEvent(n.Kind, n.ConversationId, n.Id)))];
        }
    }
}
