using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// Keeps the leases of this process's running turns alive: every third of the lease, one statement renews all of them
/// (no timer per turn). A turn whose lease is found taken — this process stalled past its expiry and another instance
/// took the conversation over — is cancelled: its reply must not be sent.
/// </summary>
public sealed class LeaseKeeper(TurnStore store, IOptions<AgentOptions> options, TimeProvider time, ILogger<LeaseKeeper> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Registers a running turn; disposing the result ends its renewal.</summary>
    public Registration Keep(Guid conversationId, CancellationTokenSource turn)
    {
        _running[conversationId] = turn;
        return new Registration(this, conversationId, turn);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(3, options.Value.TurnLeaseSeconds)) / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, time, stoppingToken);
                var ids = _running.Keys.ToArray();
                if (ids.Length == 0)
                {
                    continue;
                }

                var renewed = await store.RenewAsync(ids, stoppingToken);
                foreach (var id in ids.Where(id => !renewed.Contains(id)))
                {
                    if (_running.TryGetValue(id, out var lost))
                    {
                        logger.LogWarning("Conversation {ConversationId}: this process's lease was taken over; its turn stops", id);
                        await lost.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unreachable: the leases still have two thirds of their time; try again next period.
                logger.LogWarning(ex, "Renewing {Count} turn lease(s) failed", _running.Count);
            }
        }
    }

    public readonly struct Registration(LeaseKeeper keeper, Guid conversationId, CancellationTokenSource turn) : IDisposable
    {
        /// <summary>The lease was found taken and the turn cancelled.</summary>
        public bool Lost => turn.IsCancellationRequested;

        public void Dispose() => keeper._running.TryRemove(new KeyValuePair<Guid, CancellationTokenSource>(conversationId, turn));
    }
}
