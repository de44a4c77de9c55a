using System.Collections.Concurrent;
using AiSales.AiAgent.Agent;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Intake;

/// <summary>
/// Turns "conversation X has new messages" notices (Redis stream, PostgreSQL poller) into answered turns:
/// one worker per conversation in this process, debounced so a burst becomes one reply, bounded in
/// parallel. Across processes the turn itself takes a PostgreSQL advisory lock (ReplyProcessor).
/// </summary>
public sealed class ConversationScheduler(
    ReplyProcessor processor, IOptions<IntakeOptions> options, TimeProvider time, ILogger<ConversationScheduler> logger)
{
    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();
    // Conversations whose last turn threw (e.g. the LLM provider is down): the poller leaves them alone for a while.
    private readonly ConcurrentDictionary<Guid, (int Failures, long Until)> _cooldowns = new();
    private readonly SemaphoreSlim _parallel = new(Math.Max(1, options.Value.MaxConcurrentConversations));

    /// <summary>Called when work may exist; <paramref name="onDone"/> runs after a turn that saw it has committed (XACK).</summary>
    public void Notify(Guid conversationId, bool debounce, Func<Task>? onDone, CancellationToken stoppingToken)
    {
        if (onDone is null && _cooldowns.TryGetValue(conversationId, out var cooldown) && time.GetTimestamp() < cooldown.Until)
        {
            return;
        }

        var slot = _slots.GetOrAdd(conversationId, _ => new Slot());
        lock (slot)
        {
            if (onDone is null && !debounce && slot.Running)
            {
                // A poller notice for a conversation being answered: that turn takes what is pending, and the
                // poller comes back for anything it missed. Re-running here would only double the work under load.
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
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitForQuietAsync(slot, settings, stoppingToken);
                List<Func<Task>> callbacks;
                lock (slot)
                {
                    callbacks = [.. slot.Callbacks];
                    slot.Callbacks.Clear();
                    slot.Dirty = false;
                    slot.Debounce = false;
                }

                await _parallel.WaitAsync(stoppingToken);
                TurnResult result;
                try
                {
                    result = await processor.ProcessAsync(conversationId, stoppingToken);
                }
                finally
                {
                    _parallel.Release();
                }

                // Committed: the reply goes out before this conversation's next turn, outside the turn limit.
                await processor.DeliverAsync(result, stoppingToken);
                if (result.Outcome == TurnOutcome.Busy)
                {
                    // Another instance holds this conversation: look again shortly for what it may not have seen.
                    lock (slot)
                    {
                        slot.Callbacks.AddRange(callbacks);
                        slot.Dirty = true;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), time, stoppingToken);
                    continue;
                }

                _cooldowns.TryRemove(conversationId, out _);
                foreach (var callback in callbacks)
                {
                    await callback();
                }

                lock (slot)
                {
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
            // The messages stay pending: the PostgreSQL poller brings the conversation back, after a growing pause.
            var failures = _cooldowns.TryGetValue(conversationId, out var previous) ? previous.Failures + 1 : 1;
            var pause = TimeSpan.FromSeconds(Math.Min(120, Math.Pow(2, failures)));
            _cooldowns[conversationId] = (failures, time.GetTimestamp() + (long)(pause.TotalSeconds * time.TimestampFrequency));
            logger.LogError(ex, "Answering conversation {ConversationId} failed ({Failures} in a row); retrying in {Pause}", conversationId, failures, pause);
        }

        lock (slot)
        {
            slot.Running = false;
            _slots.TryRemove(new KeyValuePair<Guid, Slot>(conversationId, slot));
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

                var sinceLast = time.GetElapsedTime(slot.LastNotice);
                var sinceFirst = time.GetElapsedTime(slot.FirstNotice);
                var quiet = TimeSpan.FromMilliseconds(settings.DebounceMilliseconds) - sinceLast;
                var cap = TimeSpan.FromMilliseconds(settings.MaxDebounceMilliseconds) - sinceFirst;
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
