using AiSales.Core.Knowledge;

namespace AiSales.Api.AiConfig;

/// <summary>
/// GET (and PUT's answer). <c>InteractiveReplies</c>: buttons, lists and quick replies in the assistant's replies.
/// <c>ImageReply</c>: what the assistant does with a customer's photo, "ask" which product it shows or "handoff" to a person.
/// </summary>
public sealed record AiConfigView(
    string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, IReadOnlyList<string> HandoffKeywords,
    IReadOnlyList<FaqEntry> Faq, bool InteractiveReplies, string ImageReply);

/// <summary>
/// PUT body. <c>Faq</c> absent (or null) keeps the stored faq, for clients that predate it; <c>[]</c> clears it. The same
/// for <c>InteractiveReplies</c> and <c>ImageReply</c>: absent keeps the stored value.
/// </summary>
public sealed record AiConfigRequest(
    string? AssistantName, string? Persona, string? Language, string? Greeting, bool? AiEnabled, List<string?>? HandoffKeywords,
    List<FaqEntryRequest?>? Faq = null, bool? InteractiveReplies = null, string? ImageReply = null);

public sealed record FaqEntryRequest(string? Question, string? Answer);

/// <summary>A validated PUT, trimmed: what is stored. A null <c>Faq</c> keeps the stored faq.</summary>
public sealed record AiConfigUpdate(
    string AssistantName, string Persona, string Language, string Greeting, bool AiEnabled, IReadOnlyList<string> HandoffKeywords,
    IReadOnlyList<FaqEntry>? Faq, bool? InteractiveReplies = null, string? ImageReply = null);
