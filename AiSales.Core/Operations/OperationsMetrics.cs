using System.Diagnostics.Metrics;

namespace AiSales.Core.Operations;

/// <summary>
/// The operations gauges (docs/operations.md, "Alerts"), observed from the latest <see cref="OperationsSnapshot"/>:
/// a scrape or an OTLP export never queries the database. Ages are computed at observation time from the oldest
/// timestamps, so they keep growing between two samples while nothing moves.
/// </summary>
public sealed class OperationsMetrics
{
    public const string MeterName = "AiSales.Operations";
    public const string BacklogAge = "aisales.inbox.backlog.age";
    public const string ParkedTurns = "aisales.turns.parked";
    public const string DisconnectedChannels = "aisales.channels.disconnected";

    private static readonly string[] s_platforms = ["whatsapp", "instagram"];
    private static readonly string[] s_codes = ["190", "other"];

    private readonly TimeProvider _time;
    private volatile OperationsSnapshot? _latest;

    public OperationsMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge(BacklogAge, ObserveBacklog, "s",
            "Age of the oldest work waiting in an inbox (aisales.inbox: webhook_events = verified bodies not yet normalised, replies = customer messages not yet answered)");
        meter.CreateObservableGauge(ParkedTurns, ObserveParked, "{conversation}",
            "Conversations whose last turn failed and that wait for a retry");
        meter.CreateObservableGauge(DisconnectedChannels, ObserveDisconnected, "{channel}",
            "Channels disconnected until the merchant reconnects them, by the Graph error code that disconnected them");
    }

    /// <summary>Whether a sample has been taken yet: before it, the gauges report nothing rather than a false zero.</summary>
    public bool HasSample => _latest is not null;

    public void Update(OperationsSnapshot snapshot) => _latest = snapshot;

    private IEnumerable<Measurement<double>> ObserveBacklog()
    {
        if (_latest is not { } latest)
        {
            yield break;
        }

        var now = _time.GetUtcNow();
        yield return new(OperationsSnapshot.AgeSeconds(latest.OldestUnprocessedWebhook, now), new KeyValuePair<string, object?>("aisales.inbox", "webhook_events"));
        yield return new(OperationsSnapshot.AgeSeconds(latest.OldestPendingReply, now), new KeyValuePair<string, object?>("aisales.inbox", "replies"));
    }

    private IEnumerable<Measurement<long>> ObserveParked()
    {
        if (_latest is { } latest)
        {
            yield return new(latest.ParkedTurns);
        }
    }

    private IEnumerable<Measurement<long>> ObserveDisconnected()
    {
        if (_latest is not { } latest)
        {
            yield break;
        }

        // Every platform × code, zeros included, so a series drops back to 0 instead of vanishing when channels reconnect.
        foreach (var platform in s_platforms)
        {
            foreach (var code in s_codes)
            {
                var count = latest.Disconnected.Where(d => d.Platform == platform && d.ErrorCode == code).Sum(d => d.Count);
                yield return new(count,
                    new KeyValuePair<string, object?>("aisales.platform", platform),
                    new KeyValuePair<string, object?>("error.code", code));
            }
        }
    }
}
