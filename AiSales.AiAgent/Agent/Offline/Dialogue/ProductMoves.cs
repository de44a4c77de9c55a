using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// Moves about products: buying (pick or search, then add) and asking a price or availability (never an order line).
/// Questions about a product itself are <see cref="DescriptionMoves"/>.
/// </summary>
public static class ProductMoves
{
    public static Step Buy(OfflineTurn turn, TurnResults done)
    {
        var reading = turn.Reading;
        var quantity = reading.Quantity ?? turn.State.BuyQuantity ?? 1;
        if (reading.PickAll && turn.State.Shown.Count > 1)
        {
            return MultiBuy.BuyShown(turn, done, quantity); // "I'll take both"
        }

        var known = Pointing.Known(turn);
        if (known is not null)
        {
            return OrderMoves.Add(turn, done, known.Id, Amounts.For(reading, known.Name, quantity));
        }

        // «انطيني الفضي» after the black flask was sold out names only a colour (or a size, or a weight): the same product words, in that
        // colour; with nothing before, the colour word itself («كيلو سكري»: sukkari is also a colour).
        var query = Pointing.QueryOrBefore(turn);
        if (string.IsNullOrEmpty(query))
        {
            return Step.Reply(turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        if (reading.ProductQuery.Length > 0 && MultiBuy.Parts(turn) is { } parts)
        {
            return MultiBuy.Buy(turn, done, parts);
        }

        if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return Search(reading, query);
        }

        var (retry, hits) = SearchHits.Found(turn, done, search, query);
        if (retry is not null)
        {
            return retry;
        }

        var state = turn.State with { LastQuery = query };
        if (hits.Count == 0)
        {
            return Step.Reply(turn.Say.NotFound(), state with { Awaiting = Awaiting.Nothing });
        }

        // «كيلو ونص سكري»: a 1 kg and a 500 g box.
        if (reading.Quantity is null && ByWeight.Lines(hits, reading.Weight) is { } lines)
        {
            return MultiBuy.AddAll(turn with { State = state }, done, DialogueRules.Remember(lines.Select(l => l.Product)), lines.Select(l => l.Count).ToList());
        }

        // To buy, of several look-alikes only one in stock ("the regular sunscreen" when the tinted one is sold out) is that one.
        if (hits.Count == 1 || hits.Count(h => h.Stock > 0) == 1)
        {
            var hit = hits.Count == 1 ? hits[0] : hits.First(h => h.Stock > 0);
            return OrderMoves.Add(turn with { State = state with { Shown = DialogueRules.Remember([hit]) } }, done, hit.ProductId,
                Amounts.For(reading, hit.Name, quantity));
        }

        var each = hits.Select(h => Amounts.For(reading, h.Name, quantity)).Distinct().ToList();
        return Step.Reply(turn.Say.List(hits, toBuy: true),
            state with { Shown = DialogueRules.Remember(hits), Focus = null, Awaiting = Awaiting.Choice, BuyQuantity = each.Count == 1 ? each[0] : quantity });
    }

    public static Step Ask(OfflineTurn turn, TurnResults done)
    {
        var reading = turn.Reading;
        var known = Pointing.Known(turn);
        if (known is not null)
        {
            if (done.Of(Tools.GetProductDetails)?.Product() is not { } fact)
            {
                return done.Called(Tools.GetProductDetails) ? Step.Reply(turn.Say.NotFound(), turn.State) : Details(known.Id);
            }

            return Step.Reply(turn.Say.Price(fact, Amounts.Asked(reading, fact.Name)), turn.State with { Focus = fact.ProductId, Awaiting = Awaiting.Nothing });
        }

        // «فيه منها أحمر؟» names only a colour (or «والـ M؟» a size, «والكيلو؟» a weight): the same product words as before, in that colour
        // or size; «قديش حقهن؟», "both?" about the list just shown: that list again, with its prices.
        var again = reading.Colours.Count > 0 || reading.Sizes.Count > 0 || reading.Weight is not null || reading.PickAll || turn.State.Shown.Count > 1;
        var query = reading.ProductQuery.Length > 0 ? reading.ProductQuery : again ? Pointing.QueryOrBefore(turn) ?? turn.State.LastQuery : null;
        if (string.IsNullOrEmpty(query))
        {
            return reading.Has(Act.AskAvailability) && !reading.Has(Act.AskPrice) && turn.State.FocusProduct is null
                ? Browse(turn, done)
                : Step.Reply(turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        // Several products named in parts of their own ("…a large baklava tray…, and a kilo of sukkari…, how much is it all?").
        var first = 0;
        if (MultiBuy.Parts(turn) is { } parts)
        {
            if (MultiBuy.Ask(turn, done, parts) is { } several)
            {
                return several;
            }

            first = parts.Count;
        }

        if (done.Of(Tools.SearchProducts, first) is not { } search)
        {
            return Search(reading, query);
        }

        var (retry, hits) = SearchHits.Found(turn, done, search, query, first);
        if (retry is not null)
        {
            return retry;
        }

        var state = turn.State with { LastQuery = query, BuyQuantity = null };
        return hits.Count switch
        {
            0 when reading.ProductQuery.Length == 0 => Step.Reply(
                reading.Colours.Count > 0 ? turn.Say.NotInColour() : reading.Sizes.Count > 0 ? turn.Say.NotInSize() : turn.Say.NotFound(),
                state with { Awaiting = Awaiting.Nothing }),
            // "hello, sorry my phone is in English": a greeting whose other words name nothing is greeted, not "not found".
            0 => StoreMoves.FaqInstead(turn, done) ?? (reading.Has(Act.Greeting) ? TalkMoves.Greeting(turn)
                : Step.Reply(turn.Say.NotFound(), state with { Awaiting = Awaiting.Nothing })),
            1 => Step.Reply(turn.Say.Price(hits[0], Amounts.Asked(reading, hits[0].Name)),
                state with { Shown = DialogueRules.Remember(hits), Focus = hits[0].ProductId, Awaiting = Awaiting.Nothing }),
            _ => Step.Reply(turn.Say.List(hits, toBuy: false),
                state with { Shown = DialogueRules.Remember(hits), Focus = null, Awaiting = Awaiting.Choice }),
        };
    }

    /// <summary>
    /// "What do you sell?", «شو عندكم؟»: nothing named, so a few of the catalogue's products to choose from (an empty search
    /// is the active catalogue by name), not "which product?".
    /// </summary>
    private static Step Browse(OfflineTurn turn, TurnResults done)
    {
        if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return Step.Call(Tools.SearchProducts, new() { ["query"] = "", ["colour"] = null });
        }

        var products = search.Products();
        return products.Count == 0
            ? Step.Reply(turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing })
            : Step.Reply(turn.Say.List(products, toBuy: false),
                turn.State with { Shown = DialogueRules.Remember(products), Focus = null, Awaiting = Awaiting.Choice, BuyQuantity = null });
    }

    internal static Step Search(Reading reading, string? query = null) => Step.Call(Tools.SearchProducts, new()
    {
        ["query"] = query ?? reading.ProductQuery,
        ["colour"] = reading.Colours.Count > 0 ? reading.Colours[0] : null,
    });

    internal static Step Details(Guid id) => Step.Call(Tools.GetProductDetails, new() { ["product"] = id.ToString() });
}
