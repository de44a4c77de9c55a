namespace AiSales.Core.Orders;

/// <summary>
/// An order line the stock cannot cover: the product, how many the order asks for and how many are left.
/// </summary>
public sealed record StockShortage(Guid ProductId, string Sku, string Name, int Requested, int Available)
{
    public string Describe() => Available == 0
        ? $"{Name} ({Sku}) is out of stock; the order asks for {Requested}."
        : $"Only {Available} of {Name} ({Sku}) left; the order asks for {Requested}.";
}
