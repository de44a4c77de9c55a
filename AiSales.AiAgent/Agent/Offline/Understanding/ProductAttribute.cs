namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>The product detail a customer asks about (<see cref="Act.AskAttribute"/>) or wants another of (<see cref="Act.AskAlternatives"/>).</summary>
public enum ProductAttribute
{
    Colour,
    Size,
    Material,
    Volume,
    /// <summary>The ages a child's product suits («لأي عمر؟», "what age is it for?").</summary>
    Age,
    /// <summary>What is inside: its filling, flavour, ingredients, what a box or tray holds («وش حشوته؟», "what's inside?").</summary>
    Contents,
}
