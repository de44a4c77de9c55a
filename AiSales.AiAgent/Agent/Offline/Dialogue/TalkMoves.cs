using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Moves that are talk rather than products: a person, courtesy, greetings, help (the shop's faq is <see cref="StoreMoves"/>).</summary>
public static class TalkMoves
{
    // Leave-takings, "let me think about it" among them: a warm goodbye, not "you're welcome".
    private static readonly string[] s_goodbyes = ["bye", "goodbye", "see you", "مع السلامه", "باي", "في امان الله", "الله معك", "يعطيك العافيه",
        "get back to you", "think about it", "let me think", "let you know", "talk later", "talk to you later", "ttyl", "افكر", "بفكر",
        "سافكر", "برجعلك", "برجع لك", "ارجعلك", "ارجع لك", "بعدين", "ساعود اليك", "وارد عليك"];

    public static Step Handoff(OfflineTurn turn, TurnResults done, string reason) => done.Called(Tools.TransferToHuman)
        ? Step.Reply(turn.Say.Handoff(), turn.State with { Awaiting = Awaiting.Nothing })
        : Step.Call(Tools.TransferToHuman, new() { ["reason"] = reason });

    /// <summary>Thanks, ok, 👍, goodbye: a short courteous answer, never a search, never a question asked again.</summary>
    public static Step Courtesy(OfflineTurn turn)
    {
        var folded = $" {TextFolding.Fold(turn.CustomerText)} ";
        var goodbye = s_goodbyes.Any(g => folded.Contains($" {g} ", StringComparison.Ordinal));
        return Step.Reply(turn.Say.Courtesy(goodbye), turn.State);
    }

    /// <summary>The merchant's greeting when it is written in the customer's language, else the built-in one.</summary>
    public static Step Greeting(OfflineTurn turn)
    {
        var own = turn.Greeting;
        var fits = !string.IsNullOrWhiteSpace(own) && TextFolding.IsArabicScript(own) == turn.Arabic;
        return Step.Reply(fits ? own!.Trim() : turn.Say.Greeting(turn.AssistantName), turn.State);
    }

    public static Step Help(OfflineTurn turn) => Step.Reply(turn.Say.Help(), turn.State with { Awaiting = Awaiting.Nothing });
}
