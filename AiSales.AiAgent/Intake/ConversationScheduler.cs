using System.Collections.Concurrent;
using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Turns;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Intake;

/// <summary>
/// Turns "conversation X has new messages" notices (Redis stream, PostgreSQL poller) into answered turns: one worker
/// per conversation in this process, debounced so a burst becomes one reply, bounded in number. Across processes the
/// turn's lease on the conversation keeps one turn at a time (TurnStore). A worker runs again while its last turn left
/// newer messages pending, and after a failed try once its pause is over.
/// </summary>
public sealed class ConversationScheduler(
    TurnRunner runner, IOptions<IntakeOptions> options, TimeProvider time, ILogger<ConversationScheduler> logger)
{
    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();
    private readonly SemaphoreSlim _parallel = new(Math.Max(1, options.Value.MaxConcurrentConversations));

    /// <summary>Called when work may exist; <paramref name="onDone"/> runs after a turn that saw it has finished (XACK).</summary>
    public void Notify(Guid conversationId, bool debounce, Func<Task>? onDone, CancellationToken stoppingToken)
    {
        var slot = _slots.GetOrAdd(conversationId, _ => new Slot());
        lock (slot)
        {
            if (onDone is null && !debounce && slot.Running)
            {
                // A poller notice for a conversation being answered: that worker takes what is pending.
                return;
            }

            slot.LastNotice = time.GetTimestamp();
            slot.Debounce |= debounce;
            if (onDone is not null)
            {
                slot.Callbacks.Add(onDone);
            }

            slot.Dirty = true;
            if (slot.Running)
            {
                return;
            }

            slot.Running = true;
            slot.FirstNotice = slot.LastNotice;
        }

        _ = Task.Run(() => RunAsync(conversationId, slot, stoppingToken), CancellationToken.None);
    }

    private async Task RunAsync(Guid conversationId, Slot slot, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitForQuietAsync(slot, options.Value, stoppingToken);
                List<Func<Task>> callbacks;
                lock (slot)
                {
                    callbacks = [.. slot.Callbacks];
                    slot.Callbacks.Clear();
                    slot.Dirty = false;
                    slot.Debounce = false;
                }

                var result = await RunTurnAsync(conversationId, stoppingToken);
                // Finished: the reply goes out before this conversation's next turn.
                await runner.DeliverAsync(result, stoppingToken);
                foreach (var callback in callbacks)
                {
                    await callback();
                }

                if (result.RetryAfter is { } pause)
                {
                    // A failed try (recorded in PostgreSQL, so another instance would wait as long) or earlier messages still arriving.
                    await Task.Delay(pause, time, stoppingToken);
                    lock (slot) slot.Dirty = true;
                }

                lock (slot)
                {
                    slot.Dirty |= result.MorePending;
                    if (!slot.Dirty)
                    {
                        slot.Running = false;
                        _slots.TryRemove(new KeyValuePair<Guid, Slot>(conversationId, slot));
                        return;
                    }

                    slot.FirstNotice = time.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The database failed outside a turn's own error handling: the messages stay pending and the poller
            // brings the conversation back once its lease expires.
            logger.LogError(ex, "Answering conversation {ConversationId} failed; the poller will retry it", conversationId);
        }

        lock (slot)
        {
            slot.Running = false;
            _slots.TryRemove(new KeyValuePair<Guid, Slot>(conversationId, slot));
        }
    }

    private async Task<TurnResult> RunTurnAsync(Guid conversationId, CancellationToken stoppingToken)
    {
        await _parallel.WaitAsync(stoppingToken);
        try
        {
            return await runner.RunAsync(conversationId, stoppingToken);
        }
        finally
        {
            _parallel.Release();
        }
    }

    private async Task WaitForQuietAsync(Slot slot, IntakeOptions settings, CancellationToken stoppingToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (slot)
            {
                if (!slot.Debounce)
                {
                    return;
                }

                var quiet = TimeSpan.FromMilliseconds(settings.DebounceMilliseconds) - time.GetElapsedTime(slot.LastNotice);
                var cap = TimeSpan.FromMilliseconds(settings.MaxDebounceMilliseconds) - time.GetElapsedTime(slot.FirstNotice);
                wait = quiet < cap ? quiet : cap;
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, stoppingToken);
        }
    }

    private sealed class Slot
    {
        public long FirstNotice;
        public long LastNotice;
        public bool Debounce;
        public bool Dirty;
        public bool Running;
        public readonly List<Func<Task>> Callbacks = [];
    }
}
