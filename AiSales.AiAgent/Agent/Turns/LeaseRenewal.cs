namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// Renews a running turn's lease every third of its length. If the lease is found taken (this process stalled past
/// its expiry and another took over), the turn is cancelled: its reply must not be sent.
/// </summary>
public sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(TurnStore store, Guid conversationId, TimeSpan period, CancellationTokenSource turn, TimeProvider time)
    {
        _loop = RenewAsync(store, conversationId, period, turn, time);
    }

    public bool Lost { get; private set; }

    public static LeaseRenewal Start(TurnStore store, Guid conversationId, TimeSpan lease, CancellationTokenSource turn, TimeProvider time) =>
        new(store, conversationId, lease / 3, turn, time);

    private async Task RenewAsync(TurnStore store, Guid conversationId, TimeSpan period, CancellationTokenSource turn, TimeProvider time)
    {
        try
        {
            while (true)
            {
                await Task.Delay(period, time, _stop.Token);
                try
                {
                    if (!await store.RenewAsync(conversationId, _stop.Token))
                    {
                        Lost = true;
                        await turn.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup: the lease still has two thirds of its time; try again next period.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
    }
}
