namespace AiSales.MetaSimulator.Demo;

/// <summary>How far the demo data has got, for the page.</summary>
public sealed class DemoState
{
    public string Status { get; set; } = "starting";

    public string? Error { get; set; }

    public string? ShopName { get; set; }
}
