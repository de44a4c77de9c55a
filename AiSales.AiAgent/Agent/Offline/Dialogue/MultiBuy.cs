using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// A wish to buy naming several products at once: each part of the message (<see cref="Clauses"/>) is searched, and the
/// best match of each part that found one is added with that part's quantity. Parts that found nothing are left out
/// ("for my sister" is not a product); one part that found something is an ordinary buy. "Both" of a list buys each product shown.
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

        var hints = new ReadingHints(Awaiting.Nothing, 0, []);
        var parts = clauses.Select(c => MessageReader.Read(c, hints)).Where(r => r.ProductQuery.Length > 0).ToList();
        return parts.Count >= 2 ? parts : null;
    }

    public static Step Buy(OfflineTurn turn, TurnResults done, IReadOnlyList<Reading> parts)
    {
        // First every part's search, in order; then an add for each part that found a product.
        for (var i = 0; i < parts.Count; i++)
        {
            if (done.Of(Tools.SearchProducts, i) is null)
            {
                return Step.Call(Tools.SearchProducts, new()
                {
                    ["query"] = parts[i].ProductQuery,
                    ["colour"] = parts[i].Colours.Count > 0 ? parts[i].Colours[0] : null,
                });
            }
        }

        var found = parts
            .Select((part, i) => (Product: InColourOfTheRest(parts, done, i), Quantity: part.Quantity ?? 1))
            .Where(w => w.Product is not null)
            .ToList();
        if (found.Count == 0)
        {
            return Step.Reply(turn.Say.NotFound(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        return AddAll(turn, done, DialogueRules.Remember(found.Select(w => w.Product!)), found.Select(w => w.Quantity).ToList());
    }

    // Part i's best match; when the parts that found nothing name a colour ("a school backpack for my daughter, pink if possible"), the
    // first of part i's products in that colour.
    private static ProductFact? InColourOfTheRest(IReadOnlyList<Reading> parts, TurnResults done, int i)
    {
        var products = done.Of(Tools.SearchProducts, i)!.Products();
        var colours = parts.Where((_, j) => j != i && done.Of(Tools.SearchProducts, j)!.Products().Count == 0).SelectMany(p => p.Colours).ToList();
        return colours.Count == 0 ? products.FirstOrDefault()
            : products.FirstOrDefault(p => colours.All(c => Picks.HasColour($"{p.Name} {p.Description}", c))) ?? products.FirstOrDefault();
    }

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
