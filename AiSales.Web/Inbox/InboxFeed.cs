using System.Threading.Channels;

namespace AiSales.Web.Inbox;

/// <summary>
/// Follows the merchant's live feed for one open inbox and hands its changes over in batches: whatever arrived while the
/// previous batch was being applied is the next batch, so a burst costs one render, not one per event. Reconnects after
/// a drop; nothing is lost silently, since every (re)connection and every "reset" asks the inbox to read again.
/// </summary>
public sealed class InboxFeed(InboxEvents events, ILogger logger)
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public async Task RunAsync(Func<InboxBatch, Task> apply, CancellationToken cancellationToken)
    {
        var pending = Channel.CreateUnbounded<InboxEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var applying = ApplyAsync(pending.Reader, apply, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in events.ReadAsync(cancellationToken))
                {
                    if (change.Kind != "ping")
                    {
                        pending.Writer.TryWrite(change);
                    }
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The stream dropped (API restart, network): show it, then reconnect.
                logger.LogWarning(ex, "The inbox's event stream dropped; reconnecting");
            }

            pending.Writer.TryWrite(new InboxEvent(InboxBatch.Offline, null));
            await Task.Delay(Pause, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        pending.Writer.TryComplete();
        await applying.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static async Task ApplyAsync(ChannelReader<InboxEvent> reader, Func<InboxBatch, Task> apply, CancellationToken cancellationToken)
    {
        var batch = new List<InboxEvent>();
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            batch.Clear();
            while (reader.TryRead(out var change))
            {
                batch.Add(change);
            }

            await apply(new InboxBatch([.. batch]));
        }
    }
}

/// <summary>Changes that arrived together, in order.</summary>
public sealed record InboxBatch(IReadOnlyList<InboxEvent> Events)
{
    /// <summary>Not an API event: the stream dropped.</summary>
    public const string Offline = "offline";

    /// <summary>"ready" opens every connection: the first one (after the page read its data) and every reconnection may have missed changes; "reset": the API dropped some.</summary>
    public bool Reload => Events.Any(e => e.Kind is "ready" or "reset");

    /// <summary>Whether the stream is connected after this batch; null when the batch does not say.</summary>
    public bool? Live => Events.LastOrDefault(e => e.Kind is "ready" or Offline) is { } last ? last.Kind == "ready" : null;

    public IEnumerable<InboxEvent> For(Guid conversationId) => Events.Where(e => e.ConversationId == conversationId);
}
