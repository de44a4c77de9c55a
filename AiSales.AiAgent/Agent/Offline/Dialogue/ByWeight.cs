using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// A weight asked for («كيلوين سكري», "2 kg of ajwa", «كيلو ونص») against products sold in boxes of a weight: the box of that weight;
/// else whole boxes of the largest weight that makes it (two 1 kg boxes for two kilos); else the fewest boxes of several weights (a kilo
/// and a half is a 1 kg and a 500 g box). Products whose names give no weight are left as they are.
/// </summary>
public static class ByWeight
{
    /// <summary>The hits of the weights that make <paramref name="grams"/>, or all of them when none do.</summary>
    public static IReadOnlyList<ProductFact> Narrow(IReadOnlyList<ProductFact> hits, int? grams)
    {
        if (grams is not { } asked || hits.Count < 2)
        {
            return hits;
        }

        var weighed = hits.Where(h => Weights.InName(h.Name) is not null).ToList();
        var exact = weighed.Where(h => Weights.InName(h.Name) == asked).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        return Boxes(weighed, asked) is { } boxes ? weighed.Where(h => boxes.Any(b => b.Weight == Weights.InName(h.Name))).ToList() : hits;
    }

    /// <summary>
    /// One line per product when the weight is made of boxes of several weights, one product each (1 kg + 500 g of sukkari); those in stock
    /// first. Null when it is one weight (a single product, or look-alikes to pick from) or cannot be made.
    /// </summary>
    public static IReadOnlyList<(ProductFact Product, int Count)>? Lines(IReadOnlyList<ProductFact> hits, int? grams)
    {
        if (grams is not { } asked || hits.Count < 2)
        {
            return null;
        }

        foreach (var candidates in new[] { hits.Where(h => h.InStock).ToList(), hits.ToList() })
        {
            if (Boxes(candidates, asked) is { Count: >= 2 } boxes
                && boxes.All(b => candidates.Count(h => Weights.InName(h.Name) == b.Weight) == 1))
            {
                return boxes.Select(b => (candidates.First(h => Weights.InName(h.Name) == b.Weight), b.Count)).ToList();
            }
        }

        return null;
    }

    /// <summary>How many of the product make the weight asked (2 of a 1 kg box for two kilos), else <paramref name="otherwise"/>.</summary>
    public static int Count(string productName, int? grams, int otherwise) =>
        grams is { } asked && Weights.Count(productName, asked) is { } count ? count : otherwise;

    // Largest weight first, as many of it as fit, then the next: the fewest boxes for weights such as 1000 and 500.
    private static List<(int Weight, int Count)>? Boxes(IReadOnlyList<ProductFact> hits, int grams)
    {
        var remaining = grams;
        var boxes = new List<(int Weight, int Count)>();
        foreach (var weight in hits.Select(h => Weights.InName(h.Name)).OfType<int>().Distinct().OrderDescending())
        {
            if (weight <= remaining)
            {
                boxes.Add((weight, remaining / weight));
                remaining %= weight;
            }
        }

        return remaining == 0 && boxes.Count > 0 ? boxes : null;
    }
}
