using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline;

/// <summary>
/// The turn as the offline model reads it, typed: who is writing and in which language, what they wrote (already
/// read), what the assistant remembers and the draft order. <see cref="SalesAgent"/> makes it current for the turn's
/// model calls; nothing of it travels through the prompt a hosted model reads. The offline model leaves the state the
/// reply leads to in <see cref="NextState"/>, which is committed with the reply.
/// </summary>
public sealed record OfflineTurn
{
    private static readonly AsyncLocal<OfflineTurn?> s_current = new();

    public static OfflineTurn? Current => s_current.Value;

    public required string Language { get; init; }

    public required string Platform { get; init; }

    public required string AssistantName { get; init; }

    public string? Greeting { get; init; }

    public required IReadOnlyList<string> CustomerTexts { get; init; }

    public required Reading Reading { get; init; }

    public required DialogueState State { get; init; }

    public OrderView? Draft { get; init; }

    public bool Arabic => Language == "ar";

    /// <summary>The sentences of the reply language.</summary>
    public Phrases.Phrasebook Say => Phrases.Phrasebook.For(Language);

    public string CustomerText => string.Join('\n', CustomerTexts);

    /// <summary>Set by the offline model with its final reply.</summary>
    public DialogueState? NextState { get; set; }

    /// <summary>Reads the customer's messages against what the assistant was waiting for.</summary>
    public static OfflineTurn Read(
        MerchantProfile merchant, string language, string platform, IReadOnlyList<string> texts, DialogueState state, OrderView? draft)
    {
        var awaiting = DialogueRules.Awaiting(state, draft);
        var hints = new ReadingHints(awaiting, state.Shown.Count, merchant.HandoffKeywords);
        return new OfflineTurn
        {
            Language = language,
            Platform = platform,
            AssistantName = merchant.AssistantName,
            Greeting = merchant.Greeting,
            CustomerTexts = texts,
            Reading = MessageReader.Read(string.Join('\n', texts), hints),
            State = state with { Awaiting = awaiting },
            Draft = draft,
        };
    }

    /// <summary>Makes this turn the one the offline model reads until the returned scope ends.</summary>
    public IDisposable Begin()
    {
        var previous = s_current.Value;
        s_current.Value = this;
        return new Scope(previous);
    }

    private sealed class Scope(OfflineTurn? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
