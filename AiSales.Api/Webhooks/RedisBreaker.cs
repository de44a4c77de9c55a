namespace AiSales.Api.Webhooks;

/// <summary>
/// Whether the normaliser should talk to Redis now. After a publish overran its budget (a hung Redis, not a dead
/// one: the connection stays up and every command waits for its timeout), Redis is skipped for
/// <paramref name="skipFor"/>, or until a background probe finds it answering again; PostgreSQL carries the work.
/// </summary>
public sealed class RedisBreaker(TimeProvider timeProvider, TimeSpan skipFor)
{
    private long _skipUntil;

    public bool AllowsRedis => timeProvider.GetTimestamp() >= Interlocked.Read(ref _skipUntil);

    /// <summary>Starts (or extends) skipping; true when Redis was allowed until now, so the caller starts one probe.</summary>
    public bool Trip()
    {
        var now = timeProvider.GetTimestamp();
        var until = now + (long)(skipFor.TotalSeconds * timeProvider.TimestampFrequency);
        return Interlocked.Exchange(ref _skipUntil, until) <= now;
    }

    /// <summary>The probe saw Redis answer: use it again at once.</summary>
    public void Close() => Interlocked.Exchange(ref _skipUntil, 0);
}
