using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Delivery.Interactive;

namespace AiSales.AiAgent.Agent.Choices;

/// <summary>
/// What a reply offers to tap, from what the assistant now waits for (its dialogue state after the reply): the
/// confirmation → confirm / change / talk to a person; a pick from the numbered list it showed → one row (or quick
/// reply) per product, numbered as in the text. With the WhatsApp channel's Meta catalogue, products shown go out as a
/// product list (several) or a single-product message (one, when it is in focus), our SKUs as retailer ids; the customer
/// adds to the cart there and sends it (a cart, read by <c>Carts</c>). Nothing otherwise: the text alone asks. Pure.
/// </summary>
public static class ChoiceOffer
{
    public static ReplyChoices? For(DialogueState next, string language, string? catalogId = null)
    {
        var arabic = language == "ar";
        if (catalogId is not null && next.Awaiting != Awaiting.Confirmation && Listed(next) is { Count: > 0 } listed)
        {
            return new ReplyChoices(ReplyChoices.Products,
                [.. listed.Take(InteractiveBodies.MaxProducts).Select(p => new ReplyChoice(p.Sku, p.Name))],
                arabic ? "المنتجات" : "Products", catalogId);
        }

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
                .Select((p, i) => Row(i + 1, p.Name, arabic))
                .ToList();
            return new ReplyChoices(ReplyChoices.List, rows, arabic ? "اختر" : "Choose");
        }

        return null;
    }

    /// <summary>
    /// A numbered row in the customer's language: of a bilingual name ("Black Leather Bag | شنطة جلد سوداء") the half in
    /// their script, the whole name under it when the title had to be shortened.
    /// </summary>
    private static ReplyChoice Row(int number, string name, bool arabic)
    {
        var halves = name.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var shown = halves.FirstOrDefault(h => TextFolding.IsArabicScript(h) == arabic) ?? name;
        var title = $"{number}. {shown}";
        return new ReplyChoice(ChoiceIds.Pick(number), title, title.Length > 24 || shown != name ? name : null);
    }

    /// <summary>The products a listing shows: the list to pick from, or the one product in focus after a question about it.</summary>
    private static IReadOnlyList<ShownProduct> Listed(DialogueState next) => next.Awaiting == Awaiting.Choice && next.Shown.Count >= 2
        ? next.Shown
        : next.Awaiting == Awaiting.Nothing && next.Shown.Count == 1 && next.FocusProduct is { } focus ? [focus] : [];
}
