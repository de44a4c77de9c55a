namespace AiSales.Api.Webhooks;

/// <summary>
/// Contract §4 rule 9: one customer's messages are shown and answered in the order the customer sent them,
/// <c>ORDER BY sent_at, arrival, id</c>. sent_at is the platform's timestamp (1 s resolution on WhatsApp), so
/// messages sent within the same second are told apart by arrival: the inbox event's id (the order Meta's
/// deliveries were received in) and the item's place in that event's body. Both are fixed before normalisation,
/// so the order holds whichever worker or API replica commits first.
/// </summary>
public static class MessageArrival
{
    /// <summary>Item slots per event; later items of a larger body share the last slot (then id decides).</summary>
    public const int ItemsPerEvent = 4096;

    public static long Of(long eventId, int itemIndex) =>
        checked(eventId * ItemsPerEvent) + Math.Clamp(itemIndex, 0, ItemsPerEvent - 1);
}
