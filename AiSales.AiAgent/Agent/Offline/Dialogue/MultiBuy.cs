using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// A wish to buy naming several products at once: each part of the message (<see cref="Clauses"/>) is searched, and the
/// best match of each part that found one is added with that part's quantity. Parts that found nothing, or only products whose names
/// hold none of their words, are left out ("for my sister" is not a product); one part that found something is an ordinary buy. A
/// question naming several (a long message about a baklava tray and a kilo of sukkari, then "how much is it all?") lists each part's
/// product with its price. "Both" of a list buys each product shown.
/// </summary>
public static class MultiBuy
{
    /// <summary>The parts of the message that name something to search for, when there are at least two.</summary>
    public static IReadOnlyList<Reading>? Parts(OfflineTurn turn)
    {
        var clauses = Clauses.Split(turn.CustomerText);
        if (clauses.Count < 2)
        {
            return null;
        }

        // A part's product words are product words of the whole message too: read alone, "hala" of "hala, 3indkom shal?" is no product.
        var hints = new ReadingHints(Awaiting.Nothing, 0, []);
        var whole = Words(turn.Reading.ProductQuery).Concat(turn.Reading.ColourWords ?? []).Select(Bare).ToHashSet(StringComparer.Ordinal);
        var read = clauses.Select(c => MessageReader.Read(c, hints)).ToList();
        for (var i = 1; i < read.Count; i++)
        {
            // «صينية المعمول العادية والمشكلة»: a definite word alone after a product named in several words is another kind of it.
            if (Words(read[i].ProductQuery).ToList() is [var kind] && TextFolding.Fold(clauses[i]).StartsWith("ال", StringComparison.Ordinal)
                && Words(read[i - 1].ProductQuery).ToList() is { Count: >= 2 } before)
            {
                read[i] = read[i] with { ProductQuery = string.Join(' ', before.SkipLast(1).Append(kind)) };
            }
        }

        var parts = read.Where(r => Query(r).Length > 0 && Words(Query(r)).Select(Bare).All(whole.Contains)).ToList();
        if (parts.Count > MaxParts)
        {
            // A long, rambling message: the parts that show a product is meant (a wish, a count, a weight, a size or a colour), at most
            // as many as the turn's tool rounds allow.
            parts = parts.Where(p => p.Has(Act.Buy) || p.Quantity is not null || p.Weight is not null || p.Pieces is not null
                || p.Sizes.Count > 0 || p.Colours.Count > 0).Take(MaxParts).ToList();
        }

        return parts.Count >= 2 ? parts : null;
    }

    // Each part is one search: a turn has five tool rounds, and a question that finds too little is searched once more as a whole.
    private const int MaxParts = 3;

    public static Step Buy(OfflineTurn turn, TurnResults done, IReadOnlyList<Reading> parts)
    {
        // First every part's search, in order; then an add for each part that found a product.
        if (Search(done, parts) is { } call)
        {
            return call;
        }

        var found = Found(parts, done);
        if (found.Count == 0)
        {
            return Step.Reply(turn.Say.NotFound(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        return AddAll(turn, done, DialogueRules.Remember(found.Select(w => w.Product!)), found.Select(w => w.Quantity).ToList());
    }

    /// <summary>
    /// A price or stock question naming several products in parts of its own: each part's product, as a list with prices to pick from or
    /// take all. Null, once every part was searched, when fewer than two parts found one (then the message is one question).
    /// </summary>
    public static Step? Ask(OfflineTurn turn, TurnResults done, IReadOnlyList<Reading> parts)
    {
        if (Search(done, parts) is { } call)
        {
            return call;
        }

        var found = Found(parts, done).Select(f => f.Product).DistinctBy(p => p.ProductId).ToList();
        return found.Count < 2 ? null
            : Step.Reply(turn.Say.List(found, toBuy: false),
                turn.State with { Shown = DialogueRules.Remember(found), Focus = null, Awaiting = Awaiting.Choice, BuyQuantity = null });
    }

    // Every part's search, in order: the next one to make, or null when all are done.
    private static Step? Search(TurnResults done, IReadOnlyList<Reading> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (done.Of(Tools.SearchProducts, i) is null)
            {
                return Step.Call(Tools.SearchProducts, new()
                {
                    ["query"] = Query(parts[i]),
                    ["colour"] = parts[i].Colours.Count > 0 ? parts[i].Colours[0] : null,
                });
            }
        }

        return null;
    }

    // Each part's best match that its name supports, with that part's quantity (the boxes of a weight, the pieces of a box).
    private static List<(ProductFact Product, int Quantity)> Found(IReadOnlyList<Reading> parts, TurnResults done) => parts
        .Select((part, i) => (Product: InColourOfTheRest(parts, done, i), Part: part))
        .Where(w => w.Product is not null && NamedHits.NameHolds(w.Product.Name, Query(w.Part)))
        .Select(w => (w.Product!, Amounts.For(w.Part, w.Product!.Name, 1)))
        .ToList();

    // Part i's best match; when the parts that found nothing name a colour ("a school backpack for my daughter, pink if possible"), the
    // first of part i's products in that colour.
    private static ProductFact? InColourOfTheRest(IReadOnlyList<Reading> parts, TurnResults done, int i)
    {
        var part = parts[i];
        var products = SearchHits.InSize(ByWeight.Narrow(Amounts.ByPieces(NamedHits.MostNamed(done.Of(Tools.SearchProducts, i)!.Products(),
            Query(part)), part.Pieces), part.Weight), part.Sizes);
        var colours = parts.Where((_, j) => j != i && done.Of(Tools.SearchProducts, j)!.Products().Count == 0).SelectMany(p => p.Colours).ToList();
        return colours.Count == 0 ? products.FirstOrDefault()
            : products.FirstOrDefault(p => colours.All(c => Picks.HasColour($"{p.Name} {p.Description}", c))) ?? products.FirstOrDefault();
    }

    // A part's words to search: its product words, or a colour word said with an amount, which names the product («كيلو السكري»; "pink
    // if possible" only qualifies another part).
    private static string Query(Reading part) => part.ProductQuery.Length > 0 ? part.ProductQuery
        : (part.Quantity ?? part.Weight ?? part.Pieces) is not null ? string.Join(' ', part.ColourWords ?? []) : "";

    private static IEnumerable<string> Words(string query) => query.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // «وبسبوسه» in the whole message is «بسبوسه» in its part: the clause cut its «و» off.
    private static string Bare(string word) => word.Length > 3 && word[0] == 'و' ? word[1..] : word;

    /// <summary>"I'll take both", «باخد الاثنين»: every product of the list just shown, that many of each.</summary>
    public static Step BuyShown(OfflineTurn turn, TurnResults done, int quantity) =>
        AddAll(turn, done, turn.State.Shown, turn.State.Shown.Select(_ => quantity).ToList());

    // One add per product, in order, then one reply: the problems (out of stock, another currency), what was added, the order.
    internal static Step AddAll(OfflineTurn turn, TurnResults done, IReadOnlyList<ShownProduct> products, IReadOnlyList<int> quantities)
    {
        for (var i = 0; i < products.Count; i++)
        {
            if (done.Of(Tools.AddToOrder, i) is null)
            {
                return Step.Call(Tools.AddToOrder, new() { ["product"] = products[i].Id.ToString(), ["quantity"] = quantities[i] });
            }
        }

        var orders = Enumerable.Range(0, products.Count).Select(i => done.Of(Tools.AddToOrder, i)!.Order()!).ToList();
        var last = orders[^1];
        var problems = orders.Where(o => o.ProblemCode is not null).Select(turn.Say.Problem);
        var added = products.Select(p => last.Items.FirstOrDefault(l => l.ProductId == p.Id)).OfType<OrderLine>().Select(turn.Say.Added);
        var lead = string.Join(' ', problems.Concat(added));
        var state = turn.State with { Shown = products, Focus = products[^1].Id };
        return Step.Reply(turn.Say.Progress(last, lead.Length == 0 ? null : lead, turn.Platform == Platforms.Instagram),
            DialogueRules.AfterOrder(state, last, products[^1].Id));
    }
}
