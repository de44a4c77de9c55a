namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>The product detail a customer asks about (<see cref="Act.AskAttribute"/>) or wants another of (<see cref="Act.AskAlternatives"/>).</summary>
public enum ProductAttribute
{
    Colour,
    Size,
    Material,
    Volume,
}
