namespace AiSales.Api.AiConfig;

/// <summary>POST /api/merchant/ai-config/try: a message as a customer would write it.</summary>
public sealed record AssistantTrialRequest(string? Text);

/// <summary>
/// A trial: <c>state</c> is pending, answering, answered (with <c>reply</c>, its <c>language</c>, and
/// <c>handoffReason</c> when the assistant would have handed the conversation to a person) or failed (with <c>error</c>).
/// </summary>
public sealed record AssistantTrialView(
    Guid Id, string State, string Text, string? Reply, string? Language, string? HandoffReason, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);
