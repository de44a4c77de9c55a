namespace AiSales.Api.Webhooks;

/// <summary>
/// The bytes of webhook bodies waiting in memory for their commit (contract section 4 rule 10). A body is
/// admitted only if it fits; past the budget the request is answered 503 at once and Meta retries later.
/// </summary>
public sealed class InboxBudget(long maxBytes)
{
    private long _used;

    public long MaxBytes { get; } = Math.Max(0, maxBytes);

    public long Used => Interlocked.Read(ref _used);

    public bool TryReserve(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        while (true)
        {
            var used = Interlocked.Read(ref _used);
            if (used + bytes > MaxBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + bytes, used) == used)
            {
                return true;
            }
        }
    }

    public void Release(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Add(ref _used, -bytes);
    }
}
