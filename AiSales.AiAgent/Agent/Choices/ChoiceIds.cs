namespace AiSales.AiAgent.Agent.Choices;

/// <summary>The ids our buttons, list rows and quick replies carry, read back when the customer taps one. One place.</summary>
public static class ChoiceIds
{
    public const string Confirm = "aisales:confirm";
    public const string Change = "aisales:change";
    public const string Human = "aisales:human";
    public const string PickPrefix = "aisales:pick:";

    public static string Pick(int number) => PickPrefix + number;
}
