using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Delivery.Interactive;

namespace AiSales.AiAgent.Agent.Choices;

/// <summary>
/// What a reply offers to tap, from what the assistant now waits for (its dialogue state after the reply): the
/// confirmation → confirm / change / talk to a person; a pick from the numbered list it showed → one row (or quick
/// reply) per product, numbered as in the text. Nothing otherwise: the text alone asks. Pure.
/// </summary>
public static class ChoiceOffer
{
    public static ReplyChoices? For(DialogueState next, string language)
    {
        var arabic = language == "ar";
        if (next.Awaiting == Awaiting.Confirmation)
        {
            return new ReplyChoices(ReplyChoices.Buttons,
            [
                new ReplyChoice(ChoiceIds.Confirm, arabic ? "تأكيد الطلب" : "Confirm"),
                new ReplyChoice(ChoiceIds.Change, arabic ? "تعديل" : "Change"),
                new ReplyChoice(ChoiceIds.Human, arabic ? "التحدث مع موظف" : "Talk to a person"),
            ]);
        }

        if (next.Awaiting == Awaiting.Choice && next.Shown.Count >= 2)
        {
            var rows = next.Shown.Take(InteractiveBodies.MaxRows)
                .Select((p, i) => new ReplyChoice(ChoiceIds.Pick(i + 1), $"{i + 1}. {p.Name}", p.Name.Length > 20 ? p.Name : null))
                .ToList();
            return new ReplyChoices(ReplyChoices.List, rows, arabic ? "اختر" : "Choose");
        }

        return null;
    }
}
