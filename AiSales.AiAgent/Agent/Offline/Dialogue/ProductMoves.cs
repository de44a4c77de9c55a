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
        var known = Known(turn);
        if (known is not null)
        {
            return OrderMoves.Add(turn, done, known.Id, quantity);
        }

        if (reading.ProductQuery.Length == 0)
        {
            return Step.Reply(turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        if (MultiBuy.Parts(turn) is { } parts)
        {
            return MultiBuy.Buy(turn, done, parts);
        }

        if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return Search(reading);
        }

        var (retry, hits) = Found(turn, done, search, reading.ProductQuery);
        if (retry is not null)
        {
            return retry;
        }

        var state = turn.State with { LastQuery = reading.ProductQuery };
        if (hits.Count == 0)
        {
            return Step.Reply(turn.Say.NotFound(), state with { Awaiting = Awaiting.Nothing });
        }

        if (hits.Count == 1)
        {
            return OrderMoves.Add(turn with { State = state with { Shown = DialogueRules.Remember(hits) } }, done, hits[0].ProductId, quantity);
        }

        return Step.Reply(turn.Say.List(hits, toBuy: true),
            state with { Shown = DialogueRules.Remember(hits), Focus = null, Awaiting = Awaiting.Choice, BuyQuantity = quantity });
    }

    public static Step Ask(OfflineTurn turn, TurnResults done)
    {
        var reading = turn.Reading;
        var known = Known(turn);
        if (known is not null)
        {
            if (done.Of(Tools.GetProductDetails)?.Product() is not { } fact)
            {
                return done.Called(Tools.GetProductDetails) ? Step.Reply(turn.Say.NotFound(), turn.State) : Details(known.Id);
            }

            return Step.Reply(turn.Say.Price(fact, reading.Quantity), turn.State with { Focus = fact.ProductId, Awaiting = Awaiting.Nothing });
        }

        // «فيه منها أحمر؟» names only a colour: the same product words as before, in that colour.
        var query = reading.ProductQuery.Length > 0 ? reading.ProductQuery : reading.Colours.Count > 0 ? turn.State.LastQuery : null;
        if (string.IsNullOrEmpty(query))
        {
            return Step.Reply(turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        if (done.Of(Tools.SearchProducts) is not { } search)
        {
            return Search(reading, query);
        }

        var (retry, hits) = Found(turn, done, search, query);
        if (retry is not null)
        {
            return retry;
        }

        var state = turn.State with { LastQuery = query, BuyQuantity = null };
        return hits.Count switch
        {
            0 when reading.ProductQuery.Length == 0 => Step.Reply(turn.Say.NotInColour(), state with { Awaiting = Awaiting.Nothing }),
            0 => Step.Reply(turn.Say.NotFound(), state with { Awaiting = Awaiting.Nothing }),
            1 => Step.Reply(turn.Say.Price(hits[0], reading.Quantity),
                state with { Shown = DialogueRules.Remember(hits), Focus = hits[0].ProductId, Awaiting = Awaiting.Nothing }),
            _ => Step.Reply(turn.Say.List(hits, toBuy: false),
                state with { Shown = DialogueRules.Remember(hits), Focus = null, Awaiting = Awaiting.Choice }),
        };
    }

    /// <summary>The product the customer points at among those shown, or the one in focus when they name none.</summary>
    internal static ShownProduct? Known(OfflineTurn turn)
    {
        var picked = Picks.FromShown(turn.Reading, turn.State.Shown);
        if (picked is not null)
        {
            return picked;
        }

        var reading = turn.Reading;
        return reading.ProductQuery.Length == 0 && reading.Colours.Count == 0 && reading.Choice is null ? turn.State.FocusProduct : null;
    }

    /// <summary>
    /// The search's hits; when the query found nothing it is searched once more in other words: an Arabizi message in its Latin
    /// words, Arabic plurals in the singular («شواحن» → «شاحن»).
    /// </summary>
    internal static (Step? Retry, IReadOnlyList<ProductFact> Hits) Found(OfflineTurn turn, TurnResults done, ToolResult first, string query)
    {
        var hits = first.Products();
        if (hits.Count > 0 || Respelled(turn, query) is not { Length: > 0 } again)
        {
            return (null, NamedInFull(turn.CustomerText, hits));
        }

        return done.Of(Tools.SearchProducts, 1) is { } second
            ? (null, NamedInFull(turn.CustomerText, second.Products()))
            : (Step.Call(Tools.SearchProducts, new() { ["query"] = again }), hits);
    }

    /// <summary>
    /// Of several hits, the one whose name (or its name in one language) the customer wrote in full: «السماعة البلوتوث الصغيرة»
    /// is «سماعة بلوتوث صغيرة», not also the earbuds that mention Bluetooth, even when «الصغيرة» was read as a size.
    /// </summary>
    private static IReadOnlyList<ProductFact> NamedInFull(string text, IReadOnlyList<ProductFact> hits)
    {
        if (hits.Count < 2)
        {
            return hits;
        }

        var written = Words(text).ToHashSet(StringComparer.Ordinal);
        var named = hits.Where(h => h.Name.Split([" | ", " - ", " – "], StringSplitOptions.RemoveEmptyEntries)
            .Any(part => Words(part).ToList() is { Count: > 0 } words && words.All(written.Contains))).ToList();
        return named.Count == 1 ? named : hits;
    }

    private static IEnumerable<string> Words(string text) => TextFolding.Tokens(TextFolding.Fold(text)).Select(ArabicWord.StripArticle);

    private static string? Respelled(OfflineTurn turn, string query) =>
        Arabizi.Looks(turn.CustomerText) ? Arabizi.LatinWords(turn.CustomerText)
        : ArabicWord.Singulars(query) is var singular && singular != query ? singular : null;

    internal static Step Search(Reading reading, string? query = null) => Step.Call(Tools.SearchProducts, new()
    {
        ["query"] = query ?? reading.ProductQuery,
        ["colour"] = reading.Colours.Count > 0 ? reading.Colours[0] : null,
    });

    internal static Step Details(Guid id) => Step.Call(Tools.GetProductDetails, new() { ["product"] = id.ToString() });
}
