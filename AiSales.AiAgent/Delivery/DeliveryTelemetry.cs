using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// aisales.deliveries.failed: sends the Graph API refused, by its error code (error.code: 131047 window closed, 190 token
/// rejected and the channel disconnected, 131026 undeliverable…; "none" when no code came back), so an alert can tell
/// one merchant's expired token from a platform-wide outage (docs/operations.md, "Alerts").
/// </summary>
public static class DeliveryTelemetry
{
    public const string Name = "AiSales.Agent.Delivery";

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_failed = s_meter.CreateCounter<long>(
        "aisales.deliveries.failed", "{delivery}", "Deliveries the Graph API refused (failed for good, or 190: kept for a reconnect)");

    public static void Failed(string platform, int? errorCode) =>
        s_failed.Add(1, new TagList
        {
            { "aisales.platform", platform },
            { "error.code", errorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none" },
        });
}
