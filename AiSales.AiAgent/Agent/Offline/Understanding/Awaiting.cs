namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// What the assistant's last message asked for. Short answers mean nothing without it: "٢" is a pick from a list, a quantity or
/// neither, and "نورة" is a name only when a name was asked for.
/// </summary>
public enum Awaiting
{
    Nothing,
    Choice,
    Quantity,
    Name,
    Address,
    Phone,
    Confirmation,
}
