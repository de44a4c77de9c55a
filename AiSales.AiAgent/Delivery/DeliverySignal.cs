using AiSales.AiAgent.Infrastructure;

namespace AiSales.AiAgent.Delivery;

/// <summary>Wakes the sender at once when a reply is committed (in this process, or via the Redis nudge).</summary>
public sealed class DeliverySignal : WakeSignal;
