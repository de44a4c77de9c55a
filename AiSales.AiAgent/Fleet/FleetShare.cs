namespace AiSales.AiAgent.Fleet;

/// <summary>
/// One process's share of a limit that holds across the fleet: with <c>fleet</c> processes each takes
/// <c>tokens</c> per <c>period</c>, so together they send at most <c>limit</c> per second and burst at most
/// <c>limit</c> at once.
/// </summary>
public readonly record struct FleetShare(int Tokens, TimeSpan Period)
{
    public static FleetShare Of(int limitPerSecond, int fleet)
    {
        var limit = Math.Max(1, limitPerSecond);
        var size = Math.Max(1, fleet);
        var tokens = Math.Max(1, limit / size);
        // tokens per (tokens × size / limit) seconds = limit / size per second.
        return new FleetShare(tokens, TimeSpan.FromSeconds((double)tokens * size / limit));
    }

    public double PerSecond => Tokens / Period.TotalSeconds;
}
