using Npgsql;

namespace AiSales.Api.Webhooks;

/// <summary>
/// Turns claimed raw events into rows, inside the processor's transaction: parses each body (an unreadable one is marked
/// unparsed, never retried), routes each item to its merchant by account id, and applies it — customer messages queued
/// and written in sets, echoes, statuses, reactions, deletions and read receipts one by one. Returns the messages that
/// now wait for the agent.
/// </summary>
public sealed class WebhookNormaliser(WebhookStore store)
{
    public async Task<List<PendingReply>> NormaliseAsync(NpgsqlConnection connection, List<ClaimedEvent> events)
    {
        var work = new List<(ClaimedEvent Event, WebhookItem Item, long Arrival)>();
        foreach (var webhookEvent in events)
        {
            try
            {
                // The arrival is fixed here, from the event and the item's place in its body, not by commit order.
                work.AddRange(WebhookParser.Parse(webhookEvent.Platform, webhookEvent.Body)
                    .Select((item, index) => (webhookEvent, item, MessageArrival.Of(webhookEvent.Id, index))));
                webhookEvent.State = "processed";
            }
            catch (WebhookShapeException ex)
            {
                (webhookEvent.State, webhookEvent.Error) = ("unparsed", ex.Message);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                (webhookEvent.State, webhookEvent.Error) = ("unparsed", WebhookJson.Truncate($"{ex.GetType().Name}: {ex.Message}", 2000));
            }
        }

        // Rows are locked in one global order (by customer, stable): concurrent batches touching the same customers
        // cannot deadlock on them. Which batch commits first does not matter to the send order (sent_at, arrival).
        var ordered = work
            .Select((w, index) => (w.Event, w.Item, w.Arrival, Key: CustomerKey(w.Event.Platform, w.Item), index))
            .OrderBy(w => w.Key, StringComparer.Ordinal).ThenBy(w => w.index);

        var replies = new List<PendingReply>();
        var queued = new List<QueuedCustomerMessage>();
        var routes = new Dictionary<string, WebhookRoute?>(StringComparer.Ordinal);
        foreach (var (webhookEvent, item, arrival, _, _) in ordered)
        {
            // Anything but a customer message may depend on earlier rows (a reaction to a message of the
            // same batch): send the queued messages first.
            if (item is not CustomerMessage || queued.Count >= 128)
            {
                replies.AddRange(await WebhookMessageUpsert.FlushCustomerMessagesAsync(connection, queued));
            }

            var platform = webhookEvent.Platform;
            var timestamp = item.Timestamp ?? webhookEvent.ReceivedAt;
            if (item is CustomerMessage message)
            {
                // Its statement finds the merchant itself: no round trip for the route.
                WebhookMessageUpsert.QueueCustomerMessage(queued, webhookEvent, message, timestamp, arrival);
                continue;
            }

            var route = await RouteAsync(connection, platform, item.AccountId, routes)
                ?? await RouteAsync(connection, platform, item.FallbackAccountId, routes);
            if (route is null)
            {
                // Routed items are applied either way; replaying an unrouted event after connecting the channel is safe.
                webhookEvent.MarkUnrouted(item.AccountId ?? item.FallbackAccountId);
                continue;
            }

            switch (item)
            {
                case EchoMessage echo:
                    await store.StoreEchoAsync(connection, route, echo, timestamp, arrival);
                    break;
                case StatusUpdate status:
                    await store.ApplyStatusAsync(connection, route, status, timestamp);
                    break;
                case ReactionUpdate reaction:
                    await store.ApplyReactionAsync(connection, platform, route, reaction, timestamp);
                    break;
                case MessageDeleted deleted:
                    await store.ApplyDeleteAsync(connection, route, deleted, timestamp);
                    break;
                case ReadReceipt read:
                    await store.ApplyReadAsync(connection, route, read, timestamp);
                    break;
            }
        }

        replies.AddRange(await WebhookMessageUpsert.FlushCustomerMessagesAsync(connection, queued));
        return replies;
    }

    private static string CustomerKey(string platform, WebhookItem item) => item switch
    {
        CustomerMessage m => $"{platform}|{item.AccountId}|{m.CustomerId}",
        EchoMessage e => $"{platform}|{item.AccountId}|{e.CustomerId}",
        ReadReceipt r => $"{platform}|{item.AccountId}|{r.CustomerId}",
        _ => $"{platform}|{item.AccountId}|~",
    };

    private async Task<WebhookRoute?> RouteAsync(NpgsqlConnection connection, string platform, string? accountId, Dictionary<string, WebhookRoute?> routes)
    {
        if (WebhookRoute.Routable(accountId) is not { } account)
        {
            return null;
        }

        if (!routes.TryGetValue(account, out var route))
        {
            route = await store.RouteAsync(connection, platform, account);
            routes[account] = route;
        }

        return route;
    }
}
