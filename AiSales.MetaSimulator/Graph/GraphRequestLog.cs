using System.Collections.Concurrent;

namespace AiSales.MetaSimulator.Graph;

/// <summary>One request the simulated Graph API received, as it arrived, and what it answered.</summary>
public sealed record GraphRequest(
    DateTimeOffset At, string Path, string AccountId, string? Authorization, string Body, int StatusCode, string? MessageId);

/// <summary>Every Graph request, newest last, so tests and the page can show exactly what was sent.</summary>
public sealed class GraphRequestLog
{
    private const int Capacity = 10_000;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();

    public void Add(GraphRequest request)
    {
        _requests.Enqueue(request);
        while (_requests.Count > Capacity && _requests.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<GraphRequest> For(string? accountId) =>
        _requests.Where(r => accountId is null || r.AccountId == accountId).ToList();
}
