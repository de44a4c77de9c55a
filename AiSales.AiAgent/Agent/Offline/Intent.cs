namespace AiSales.AiAgent.Agent.Offline;

public enum IntentKind
{
    None,
    Greeting,
    Handoff,
    Confirm,
    Order,
    Question,
}

/// <summary>What the offline agent understood from the customer's latest messages.</summary>
public sealed record Intent(IntentKind Kind, string ProductQuery, int Quantity, string Text);
