namespace AiSales.Core.Orders;

/// <summary>
/// What <see cref="OrderStock.ReserveAsync"/> did: <see cref="Reserved"/> true when the order now holds its stock
/// (<see cref="AlreadyHeld"/> when it already did, so nothing was taken twice); false with the short lines, and
/// then nothing changed.
/// </summary>
public sealed record StockReservation(bool Reserved, bool AlreadyHeld, IReadOnlyList<StockShortage> Shortages)
{
    public static readonly StockReservation Taken = new(true, false, []);
    public static readonly StockReservation Held = new(true, true, []);

    public static StockReservation Short(IReadOnlyList<StockShortage> shortages) => new(false, false, shortages);
}
