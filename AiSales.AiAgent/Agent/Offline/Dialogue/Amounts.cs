using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// How many of a product the customer's words ask for, once the product is known: the count said; the boxes that make a weight said
/// («كيلوين» of a 1 kg box is two); pieces said after the product («علبة شوكولاتة 32 حبة») are the box's when its name holds them, else a count.
/// </summary>
public static class Amounts
{
    public static int For(Reading reading, string productName, int otherwise) =>
        reading.Pieces is { } pieces && !PieceCounts.InName(productName, pieces)
            ? reading.Quantity ?? pieces
            : reading.Quantity ?? ByWeight.Count(productName, reading.Weight, otherwise);

    /// <summary>How many the customer asks the price of, or null for one.</summary>
    public static int? Asked(Reading reading, string productName) => For(reading, productName, 1) is var count and > 1 ? count : null;

    /// <summary>Of several hits, those whose names hold the pieces said («ال 64 piece» is the box of 64); all of them when none does.</summary>
    public static IReadOnlyList<ProductFact> ByPieces(IReadOnlyList<ProductFact> hits, int? pieces) =>
        pieces is { } n && hits.Count > 1 && hits.Where(h => PieceCounts.InName(h.Name, n)).ToList() is { Count: > 0 } boxes ? boxes : hits;
}
