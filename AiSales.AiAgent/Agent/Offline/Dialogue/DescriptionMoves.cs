using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Questions about a product itself: its other colours or sizes, and its size, colour, material or volume (from its description).</summary>
public static class DescriptionMoves
{
    /// <summary>«فيه لون ثاني؟»: the other products of the same search, in another colour; an honest no when there are none.</summary>
    public static Step Alternatives(OfflineTurn turn, TurnResults done)
    {
        var focus = Pointing.Known(turn) ?? turn.State.FocusProduct ?? (turn.State.Shown.Count == 1 ? turn.State.Shown[0] : null);
        var query = turn.Reading.ProductQuery.Length > 0 ? turn.Reading.ProductQuery : turn.State.LastQuery ?? focus?.Name;
        if (query is null)
        {
            return Step.Reply(turn.Say.WhichProduct(), turn.State);
        }

        if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return Step.Call(Tools.SearchProducts, new() { ["query"] = query });
        }

        var hits = search.Products();
        var focusColour = focus is null ? null : Picks.ColourOf(focus.Name, focus.Description);
        var others = hits.Where(h => h.ProductId != focus?.Id).ToList();
        if (turn.Reading.Colours.Count > 0)
        {
            // "Is there a red one?": only that colour answers; none is an honest no.
            others = others.Where(h => turn.Reading.Colours.All(c => Picks.HasColour(h.Name + " " + h.Description, c))).ToList();
            if (others.Count == 0)
            {
                return Step.Reply(turn.Say.NotInColour(), turn.State with { Awaiting = Awaiting.Nothing, LastQuery = query });
            }
        }
        else if (turn.Reading.AskedAttribute is ProductAttribute.Colour || turn.Reading.AskedAttribute is null && focusColour is not null)
        {
            others = others.Where(h => Picks.ColourOf(h.Name, h.Description) is { } c && c != focusColour).ToList();
        }

        if (others.Count == 0)
        {
            var fact = hits.FirstOrDefault(h => h.ProductId == focus?.Id);
            return fact is null
                ? Step.Reply(turn.Say.NotFound(), turn.State)
                : Step.Reply(turn.Say.NoOtherColour(fact, focusColour is null ? null : Colours.Word(focusColour, turn.Arabic, $"{fact.Name} {fact.Description}")),
                    turn.State with { Focus = fact.ProductId, Awaiting = Awaiting.Nothing });
        }

        return Step.Reply(turn.Say.Others(others),
            turn.State with { Shown = DialogueRules.Remember(others), Focus = null, Awaiting = Awaiting.Choice, LastQuery = query });
    }

    /// <summary>"Is it leather?", «كم حجمه؟»: answered from the product's description (with its price when also asked).</summary>
    public static Step Attribute(OfflineTurn turn, TurnResults done)
    {
        // About the product the customer points at, or names (a search), or else the one just discussed ("what sizes do
        // they come in?": words that find nothing are not a product).
        var discussed = turn.State.FocusProduct ?? (turn.State.Shown.Count == 1 ? turn.State.Shown[0] : null);
        var target = Pointing.Known(turn) ?? (turn.Reading.ProductQuery.Length == 0
            || done.Of(Tools.SearchProducts) is { } tried && tried.Products().Count == 0 ? discussed : null);
        ProductFact? fact;
        if (target is not null)
        {
            if ((fact = done.Of(Tools.GetProductDetails)?.Product()) is null)
            {
                return done.Called(Tools.GetProductDetails) ? Step.Reply(turn.Say.NotFound(), turn.State) : ProductMoves.Details(target.Id);
            }
        }
        else if (turn.Reading.ProductQuery.Length == 0)
        {
            // "do you have a size chart?" about no product: the faq's size guide, if it has one.
            return StoreMoves.FaqInstead(turn, done) ?? Step.Reply(turn.Say.WhichProduct(), turn.State);
        }
        else if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return ProductMoves.Search(turn.Reading);
        }
        else if (turn.Reading.AskedAttribute is ProductAttribute.Colour or ProductAttribute.Size or ProductAttribute.Age && search.Products() is { Count: > 1 } variants)
        {
            // «شو ألوان أحمر الشفاه المطفي؟», "what sizes does the dress come in?": the products found are its colours or sizes.
            return Step.Reply(turn.Say.Others(variants),
                turn.State with { Shown = DialogueRules.Remember(variants), Focus = null, Awaiting = Awaiting.Choice, LastQuery = turn.Reading.ProductQuery });
        }
        else if ((fact = search.Products().FirstOrDefault()) is null)
        {
            // «عندكم جدول مقاسات؟» names no product: the faq may answer it.
            return StoreMoves.FaqInstead(turn, done) ?? Step.Reply(turn.Say.NotFound(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        var passage = Passages.About(fact.Description, turn.Reading.AskedAttribute, turn.Arabic) ?? Passages.InLanguage(fact.Description, turn.Arabic);
        var text = turn.Say.Describe(fact, turn.Reading.AskedAttribute, passage);
        // A product named afresh in the question gets its price and stock too ("do you have white shoes? what sizes?").
        if (turn.Reading.Has(Act.AskPrice) || turn.Reading.Has(Act.AskAvailability) || target is null)
        {
            text = turn.Say.Price(fact, turn.Reading.Quantity) + "\n" + text;
        }

        var state = turn.State with { Focus = fact.ProductId, Awaiting = Awaiting.Nothing };
        if (target is null)
        {
            state = state with { Shown = DialogueRules.Remember([fact]), LastQuery = turn.Reading.ProductQuery };
        }

        return Step.Reply(text, state);
    }
}
