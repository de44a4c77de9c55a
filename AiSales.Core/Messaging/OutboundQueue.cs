namespace AiSales.Core.Messaging;

/// <summary>
/// Outbound replies live in PostgreSQL: an outbound row in messages (delivery_status 'pending') and its
/// outbound_deliveries row (state 'pending'), committed together. The agent's sender polls for due
/// deliveries; after committing one, a writer may also publish on this Redis channel so the sender wakes
/// at once. Losing the nudge only costs one poll interval.
/// </summary>
public static class OutboundQueue
{
    public const string NudgeChannel = "aisales:outbound";
}
