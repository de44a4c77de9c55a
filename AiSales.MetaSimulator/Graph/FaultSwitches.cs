using System.Collections.Concurrent;
using System.Text.Json.Serialization;

namespace AiSales.MetaSimulator.Graph;

[JsonConverter(typeof(JsonStringEnumConverter<FaultMode>))]
public enum FaultMode
{
    /// <summary>Graph error 130429: rate limit hit.</summary>
    Throttle,

    /// <summary>Graph error 131047: more than 24 hours since the customer last wrote.</summary>
    WindowClosed,

    /// <summary>Graph error 190: the access token expired.</summary>
    TokenExpired,

    /// <summary>HTTP 500 with no Graph error body.</summary>
    ServerError,

    /// <summary>Answers correctly, but only after a delay.</summary>
    Slow,
}

/// <summary>A fault for one account; <see cref="Remaining"/> null means until it is cleared.</summary>
public sealed record Fault(FaultMode Mode, int? Remaining, int DelayMilliseconds);

/// <summary>Per-account fault switches, settable over HTTP, so tests and demos can exercise every delivery path.</summary>
public sealed class FaultSwitches
{
    private readonly ConcurrentDictionary<string, Fault> _faults = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Set(string accountId, Fault fault) => _faults[accountId] = fault;

    public void Clear(string accountId) => _faults.TryRemove(accountId, out _);

    public IReadOnlyDictionary<string, Fault> All => _faults.ToDictionary();

    /// <summary>The fault to apply to this request, consuming one use of a counted fault.</summary>
    public Fault? Take(string accountId)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(accountId, out var fault))
            {
                return null;
            }

            if (fault.Remaining is { } remaining)
            {
                if (remaining <= 1)
                {
                    _faults.TryRemove(accountId, out _);
                }
                else
                {
                    _faults[accountId] = fault with { Remaining = remaining - 1 };
                }
            }

            return fault;
        }
    }
}
