using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// A wish to buy naming several products at once: each part of the message (<see cref="Clauses"/>) is searched, and the
/// best match of each part that found one is added with that part's quantity. Parts that found nothing are left out
/// ("for my sister" is not a product); one part that found something is an ordinary buy.
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

        var wanted = parts
            .Select((part, i) => (Product: done.Of(Tools.SearchProducts, i)!.Products().FirstOrDefault(), Quantity: part.Quantity ?? 1))
            .Where(w => w.Product is not null)
            .ToList();
        if (wanted.Count == 0)
        {
            return Step.Reply(turn.Say.NotFound(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            if (done.Of(Tools.AddToOrder, i) is null)
            {
                return Step.Call(Tools.AddToOrder, new() { ["product"] = wanted[i].Product!.ProductId.ToString(), ["quantity"] = wanted[i].Quantity });
            }
        }

        var orders = Enumerable.Range(0, wanted.Count).Select(i => done.Of(Tools.AddToOrder, i)!.Order()!).ToList();
        var last = orders[^1];
        var problems = orders.Where(o => o.ProblemCode is not null).Select(turn.Say.Problem);
        var added = wanted.Select(w => last.Items.FirstOrDefault(l => l.ProductId == w.Product!.ProductId)).OfType<OrderLine>().Select(turn.Say.Added);
        var lead = string.Join(' ', problems.Concat(added));
        var state = turn.State with { Shown = DialogueRules.Remember(wanted.Select(w => w.Product!)), Focus = wanted[^1].Product!.ProductId };
        return Step.Reply(turn.Say.Progress(last, lead.Length == 0 ? null : lead, turn.Platform == Platforms.Instagram),
            DialogueRules.AfterOrder(state, last, wanted[^1].Product!.ProductId));
    }
}
