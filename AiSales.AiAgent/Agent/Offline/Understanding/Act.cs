namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// What a customer's message does in the conversation. A message can do several things at once ("ابغى ٢ وكم التوصيل؟" is Buy and
/// StoreQuestion), so a reading carries a set of acts rather than one intent; the dialogue policy decides which to answer first.
/// </summary>
public enum Act
{
    Greeting,
    Courtesy,
    Handoff,
    Buy,
    AskPrice,
    AskAvailability,
    AskAttribute,
    AskAlternatives,
    Choose,
    ChangeQuantity,
    Remove,
    Cancel,
    ShowOrder,
    Confirm,
    Deny,
    GiveName,
    GiveAddress,
    GivePhone,
    StoreQuestion,
    /// <summary>Another variant of what is ordered: "make it the navy one instead", «خليه M بدل S» (a colour or size, no number).</summary>
    Swap,
}
