using System.Diagnostics.Metrics;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// aisales.turns.failed: turns that failed, by what followed (aisales.turn.outcome: retry = the conversation is parked
/// until its back-off ends, given_up = the customer got the fallback and a person the conversation). The parked ones
/// are also a gauge, aisales.turns.parked (AiSales.Core.Operations).
/// </summary>
public static class TurnTelemetry
{
    public const string Name = "AiSales.Agent.Turns";

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_failed = s_meter.CreateCounter<long>(
        "aisales.turns.failed", "{turn}", "Agent turns that failed (retried later, or given up and handed to a person)");

    public static void Failed(bool givenUp) =>
        s_failed.Add(1, new KeyValuePair<string, object?>("aisales.turn.outcome", givenUp ? "given_up" : "retry"));
}
