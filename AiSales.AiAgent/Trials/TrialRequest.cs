namespace AiSales.AiAgent.Trials;

/// <summary>A claimed trial: the merchant's sample customer message.</summary>
public sealed record TrialRequest(Guid Id, Guid MerchantId, string Text);

/// <summary>What the assistant would have answered, in which language, and whether it would have handed over.</summary>
public sealed record TrialAnswer(string Reply, string Language, string? HandoffReason);
