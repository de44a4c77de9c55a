using AiSales.Core.Knowledge;

namespace AiSales.Api.AiConfig;

public sealed record AiConfigView(
    string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, IReadOnlyList<string> HandoffKeywords,
    IReadOnlyList<FaqEntry> Faq);

/// <summary>PUT body. <c>Faq</c> absent (or null) keeps the stored faq, for clients that predate it; <c>[]</c> clears it.</summary>
public sealed record AiConfigRequest(
    string? AssistantName, string? Persona, string? Language, string? Greeting, bool? AiEnabled, List<string?>? HandoffKeywords,
    List<FaqEntryRequest?>? Faq = null);

public sealed record FaqEntryRequest(string? Question, string? Answer);

/// <summary>A validated PUT, trimmed: what is stored. A null <c>Faq</c> keeps the stored faq.</summary>
public sealed record AiConfigUpdate(
    string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, IReadOnlyList<string> HandoffKeywords,
    IReadOnlyList<FaqEntry>? Faq);
