namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>Which reader took a token. Each token is read once, so what no reader took is the product query.</summary>
internal enum Claim
{
    None,
    Phone,
    Contact,
    Keyword,
    Choice,
    Cue,
    Colour,
    Size,
    Quantity,
    Weight,
}
