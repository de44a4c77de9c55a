using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>What the assistant does with a turn, decided from the reading alone (before any tool runs).</summary>
public enum Move
{
    Handoff, Cancel, Remove, ChangeQuantity, Swap, ShowOrder, Details, Confirm, Deny, Store, Alternatives, Attribute, Buy, Pick, Ask,
    Agreed, Courtesy, Greeting, Search, Help,
}

/// <summary>
/// The offline model's policy: from the turn's reading, what the assistant remembers and the tool results so far, the
/// next step. It is pure and deterministic, and re-decided each model round from the same inputs, so the rounds of
/// one turn always follow one move. The order in <see cref="Decide"/> is the priority when a message carries several acts.
/// </summary>
public static class DialoguePolicy
{
    /// <summary>With AI__Provider=hybrid, the offline model answers the moves at or above this confidence (docs/agent.md).</summary>
    public const double HybridThreshold = 0.75;

    private static readonly HashSet<Act> ProductActs =
        [Act.Buy, Act.AskPrice, Act.AskAvailability, Act.AskAttribute, Act.AskAlternatives, Act.Choose];

    public static Step Next(OfflineTurn turn, TurnResults done) => Decide(turn) switch
    {
        Move.Handoff => TalkMoves.Handoff(turn, done, turn.Reading.HandoffKeyword ? "The customer used a handoff keyword" : "The customer asked for a person"),
        Move.Cancel => OrderMoves.Cancel(turn, done),
        Move.Remove => OrderMoves.Remove(turn, done),
        Move.ChangeQuantity => OrderMoves.ChangeQuantity(turn, done),
        Move.Swap => VariantMoves.Swap(turn, done),
        Move.ShowOrder => OrderMoves.Show(turn, done),
        Move.Details => OrderMoves.Details(turn, done),
        Move.Confirm => OrderMoves.Confirm(turn, done),
        Move.Deny => OrderMoves.Deny(turn),
        Move.Store => StoreMoves.Store(turn, done),
        Move.Alternatives => DescriptionMoves.Alternatives(turn, done),
        Move.Attribute => DescriptionMoves.Attribute(turn, done),
        Move.Buy => ProductMoves.Buy(turn, done),
        Move.Pick => turn.State.BuyQuantity is not null ? ProductMoves.Buy(turn, done) : ProductMoves.Ask(turn, done),
        Move.Ask or Move.Search => ProductMoves.Ask(turn, done),
        Move.Agreed => Agreed(turn, done),
        Move.Courtesy => TalkMoves.Courtesy(turn),
        Move.Greeting => TalkMoves.Greeting(turn),
        _ => TalkMoves.Help(turn),
    };

    public static Move Decide(OfflineTurn turn)
    {
        var reading = turn.Reading;
        var acts = reading.Acts;
        var talksProducts = acts.Overlaps(ProductActs);
        if (acts.Contains(Act.Handoff)) return Move.Handoff;
        if (acts.Contains(Act.Cancel)) return Move.Cancel;
        if (acts.Contains(Act.Remove)) return Move.Remove;
        if (acts.Contains(Act.ChangeQuantity)) return Move.ChangeQuantity;
        if (acts.Contains(Act.Swap) && VariantMoves.Applies(turn)) return Move.Swap;
        if (acts.Contains(Act.ShowOrder)) return Move.ShowOrder;
        if (GivesDetails(turn) && !(talksProducts && IsBareAnswer(turn))) return Move.Details;
        if (turn.State.Awaiting == Awaiting.Confirmation && !talksProducts)
        {
            if (acts.Contains(Act.Confirm)) return Move.Confirm;
            if (acts.Contains(Act.Deny)) return Move.Deny;
        }

        var picked = Picks.FromShown(reading, turn.State.Shown) is not null;
        // "Do you take cards?" is a shop question; "the gift card" just shown is a product.
        if (acts.Contains(Act.StoreQuestion) && !acts.Contains(Act.AskAttribute) && !acts.Contains(Act.Buy) && !picked) return Move.Store;
        if (acts.Contains(Act.AskAlternatives)) return Move.Alternatives;
        if (acts.Contains(Act.AskAttribute)) return Move.Attribute;
        if (acts.Contains(Act.Buy)) return Move.Buy;
        // «بكم الثانية؟» asks the price of the pick; «الثانية» / "the oud one" alone picks it.
        if (acts.Contains(Act.AskPrice) || acts.Contains(Act.AskAvailability)) return Move.Ask;
        if (acts.Contains(Act.Choose) || reading.Choice is not null || (turn.State.Awaiting == Awaiting.Choice && picked)) return Move.Pick;
        // "make it the navy one" with nothing ordered yet: the same product in that colour or size.
        if (acts.Contains(Act.Swap)) return Move.Ask;
        if (acts.Contains(Act.Confirm)) return Move.Agreed;
        // «خليني افكر وارجعلك», "not now, bye" with nothing to confirm: a leave-taking, answered as one.
        if (acts.Contains(Act.Deny)) return acts.Contains(Act.Courtesy) ? Move.Courtesy : Move.Deny;
        // «وحدة», "2" or "ok 2 please" right after a product was shown: that many of it.
        if ((reading.Quantity ?? reading.Weight) is not null && reading.ProductQuery.Length == 0 && turn.State.FocusProduct is not null) return Move.Buy;
        if (acts.Contains(Act.Courtesy) && reading.ProductQuery.Length == 0) return Move.Courtesy;
        if (acts.Contains(Act.Greeting) && reading.ProductQuery.Length == 0) return Move.Greeting;
        // A bare product name ("blue kaftan") is a question about it; a search that finds nothing is a missed turn.
        return reading.ProductQuery.Length > 0 ? Move.Search : Move.Help;
    }

    /// <summary>
    /// How sure the offline model is of a move: certain for what its lexicons recognise outright (a person, cancel,
    /// thanks, a detail it asked for, a pick from its own list), less for product questions it must search, least for
    /// a bare text it only guesses is a product, and nothing for a message it did not understand at all.
    /// </summary>
    public static double Confidence(Move move) => move switch
    {
        Move.Handoff or Move.Cancel or Move.ShowOrder or Move.Details or Move.Confirm or Move.Deny or Move.Courtesy or Move.Greeting => 1.0,
        Move.Pick or Move.Remove or Move.ChangeQuantity or Move.Swap or Move.Agreed => 0.9,
        Move.Buy or Move.Ask or Move.Store => 0.8,
        Move.Alternatives or Move.Attribute => 0.6,
        Move.Search => 0.4,
        _ => 0.0,
    };

    /// <summary>"Yes" outside a confirmation: to the product just shown it is a wish to buy; to a list, pick one.</summary>
    private static Step Agreed(OfflineTurn turn, TurnResults done)
    {
        if (turn.Draft is { Missing: null, Items.Count: > 0 })
        {
            return OrderMoves.Confirm(turn, done);
        }

        if (turn.Draft is { Items.Count: > 0 } draft && turn.State.Awaiting is Awaiting.Name or Awaiting.Address or Awaiting.Phone)
        {
            return OrderMoves.AskAgain(turn, draft);
        }

        if (turn.State.FocusProduct is not null && turn.Draft?.Items.Any(i => i.ProductId == turn.State.Focus) != true)
        {
            return ProductMoves.Buy(turn, done);
        }

        return turn.State.Awaiting == Awaiting.Choice ? Step.Reply(turn.Say.PickOne(), turn.State) : TalkMoves.Courtesy(turn);
    }

    private static bool GivesDetails(OfflineTurn turn) =>
        turn.Reading.Acts.Contains(Act.GiveName) || turn.Reading.Acts.Contains(Act.GiveAddress) || turn.Reading.Acts.Contains(Act.GivePhone);

    /// <summary>A detail read from the whole message because one was asked for (no «اسمي…» lead-in).</summary>
    private static bool IsBareAnswer(OfflineTurn turn)
    {
        var text = turn.CustomerText.Trim();
        return text == turn.Reading.Name?.Trim() || text == turn.Reading.Address?.Trim();
    }
}
