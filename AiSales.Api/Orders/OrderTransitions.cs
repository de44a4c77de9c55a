namespace AiSales.Api.Orders;

/// <summary>An order's status moves draft → confirmed → fulfilled, or draft|confirmed → cancelled, and nowhere else.</summary>
public static class OrderTransitions
{
    /// <summary>For each target status, the statuses an order may come from.</summary>
    public static readonly Dictionary<string, string[]> AllowedFrom = new()
    {
        ["confirmed"] = ["draft"],
        ["fulfilled"] = ["confirmed"],
        ["cancelled"] = ["draft", "confirmed"],
        ["draft"] = [],
    };

    public static IReadOnlyList<string> From(string status) =>
        [.. AllowedFrom.Where(t => t.Value.Contains(status)).Select(t => t.Key)];
}
