namespace AiSales.AiAgent.Infrastructure;

/// <summary>
/// Wakes one waiting loop at once instead of at its next poll. Notices while nobody waits collapse into one, so a
/// loop that drains everything before waiting again never loses work and never spins.
/// </summary>
public class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
