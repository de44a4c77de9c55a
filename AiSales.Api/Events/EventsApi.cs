using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiSales.Api.Events;

/// <summary>
/// GET /api/events: the merchant's live feed as server-sent events (event: message | status | handoff | order, data:
/// {kind, conversationId, id, message?, conversation?}), a "ping" every 15 s, a "reset" when this stream fell behind
/// and lost events (the client reloads), and the stream ends after 15 minutes so that a revoked credential is checked
/// again when the client reconnects.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxStream = TimeSpan.FromMinutes(15);

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", Stream)
            .WithTags("Events")
            .WithSummary("Server-sent events: new messages, delivery-status changes, handoffs and orders of this merchant, live.")
            .AsLongLived();
        return api;
    }

    private static ServerSentEventsResult<MerchantEvent?> Stream(ClaimsPrincipal user, MerchantEventHub hub, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(ReadAsync(hub, user.MerchantId(), cancellationToken));

    private static async IAsyncEnumerable<SseItem<MerchantEvent?>> ReadAsync(
        MerchantEventHub hub, Guid merchantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscription = await hub.SubscribeAsync(merchantId, cancellationToken);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lifetime.CancelAfter(MaxStream);
        try
        {
            yield return new SseItem<MerchantEvent?>(null, "ready");
            while (!lifetime.IsCancellationRequested)
            {
                var next = await NextAsync(subscription.Channel.Reader, lifetime.Token);
                if (subscription.TakeMissed() || next == MerchantEvent.Reset)
                {
                    yield return new SseItem<MerchantEvent?>(null, MerchantEvent.Reset.Kind);
                }

                if (next != MerchantEvent.Reset)
                {
                    yield return next is null ? new SseItem<MerchantEvent?>(null, "ping") : new SseItem<MerchantEvent?>(next, next.Kind);
                }
            }
        }
        finally
        {
            hub.Unsubscribe(merchantId, subscription);
        }
    }

    private static async Task<MerchantEvent?> NextAsync(System.Threading.Channels.ChannelReader<MerchantEvent> reader, CancellationToken cancellationToken)
    {
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        heartbeat.CancelAfter(Heartbeat);
        try
        {
            return await reader.ReadAsync(heartbeat.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
