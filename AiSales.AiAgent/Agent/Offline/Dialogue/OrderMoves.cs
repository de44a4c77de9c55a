using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Moves on the order: add, change a quantity, remove, the customer's details, confirm, show and cancel.</summary>
public static class OrderMoves
{
    public static Step Add(OfflineTurn turn, TurnResults done, Guid product, int quantity)
    {
        if (done.Of(Tools.AddToOrder)?.Order() is not { } order)
        {
            return Step.Call(Tools.AddToOrder, new() { ["product"] = product.ToString(), ["quantity"] = quantity });
        }

        var state = turn.State with { Focus = product, BuyQuantity = null };
        if (order.ProblemCode is not null)
        {
            var rest = order.Items.Count > 0 ? " " + Progress(turn, order, null) : "";
            return Step.Reply(turn.Say.Problem(order) + rest, state with { Awaiting = Awaiting.Nothing });
        }

        var line = order.Items.FirstOrDefault(i => i.ProductId == product);
        return Step.Reply(Progress(turn, order, line is null ? null : turn.Say.Added(line)), DialogueRules.AfterOrder(state, order, product));
    }

    public static Step ChangeQuantity(OfflineTurn turn, TurnResults done)
    {
        var reading = turn.Reading;
        if (turn.Draft is not { Items.Count: > 0 } draft)
        {
            // «خليها ثنتين» before anything was added: a wish to buy what is in focus; "I want two running shoes… actually make
            // it 3": the product named in the same words, as many as the change says.
            return turn.State.FocusProduct is not null || Picks.FromShown(reading, turn.State.Shown) is not null || reading.ProductQuery.Length > 0
                ? ProductMoves.Buy(turn, done)
                : Step.Reply(turn.Say.NoOrder(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        var line = Picks.FromOrder(reading, draft, turn.State.FocusProduct);
        // "make it 3" gives the new total; «زيد وحدة» / "one less" a step from the current one.
        var quantity = reading.Quantity ?? (line is not null && reading.QuantityDelta is { } delta ? line.Quantity + delta : null);
        if (line is null || quantity is null)
        {
            return Step.Reply(turn.Say.OrderLines(draft) + " " + turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        if (done.Of(Tools.UpdateQuantity)?.Order() is not { } order)
        {
            return Step.Call(Tools.UpdateQuantity, new() { ["product"] = line.Sku, ["quantity"] = quantity.Value });
        }

        var changed = order.Items.FirstOrDefault(i => i.Sku == line.Sku);
        var lead = order.ProblemCode is not null ? turn.Say.Problem(order) : changed is null ? null : turn.Say.QuantityChanged(changed);
        return Step.Reply(Progress(turn, order, lead), DialogueRules.AfterOrder(turn.State, order, changed?.ProductId));
    }

    public static Step Remove(OfflineTurn turn, TurnResults done)
    {
        if (turn.Draft is not { Items.Count: > 0 } draft)
        {
            return Step.Reply(turn.Say.NoOrder(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        var line = Picks.FromOrder(Kept.Without(turn), draft, turn.State.FocusProduct, strict: true);
        if (line is null)
        {
            return Step.Reply(turn.Say.OrderLines(draft) + " " + turn.Say.WhichProduct(), turn.State with { Awaiting = Awaiting.Nothing });
        }

        if (done.Of(Tools.RemoveItem)?.Order() is not { } order)
        {
            return Step.Call(Tools.RemoveItem, new() { ["product"] = line.Sku });
        }

        return Step.Reply(Progress(turn, order, turn.Say.Removed(line.Name)), DialogueRules.AfterOrder(turn.State with { Focus = null }, order));
    }

    public static Step Details(OfflineTurn turn, TurnResults done)
    {
        var reading = turn.Reading;
        if (done.Of(Tools.SetOrderDetails)?.Order() is not { } order)
        {
            return Step.Call(Tools.SetOrderDetails, new()
            {
                ["customerName"] = reading.Name,
                ["shippingAddress"] = reading.Address,
                ["phone"] = reading.Phone,
            });
        }

        return order.ProblemCode is not null
            ? Step.Reply(turn.Say.NoOrder(), turn.State with { Awaiting = Awaiting.Nothing })
            : Step.Reply(Progress(turn, order, null), DialogueRules.AfterOrder(turn.State, order));
    }

    public static Step Confirm(OfflineTurn turn, TurnResults done)
    {
        if (done.Of(Tools.ConfirmOrder)?.Order() is not { } order)
        {
            return Step.Call(Tools.ConfirmOrder);
        }

        if (order.ProblemCode is not null || order.Status != "confirmed")
        {
            var progress = order.Items.Count > 0 ? " " + Progress(turn, order, null) : "";
            return Step.Reply(turn.Say.Problem(order) + progress, DialogueRules.AfterOrder(turn.State, order));
        }

        return Step.Reply(turn.Say.Confirmed(order),
            turn.State with { ConfirmedOrder = order.Number, Awaiting = Awaiting.Nothing, Focus = null, BuyQuantity = null });
    }

    public static Step Show(OfflineTurn turn, TurnResults done)
    {
        if (done.Of(Tools.GetOrder) is not { } result)
        {
            return Step.Call(Tools.GetOrder);
        }

        return result.Order() switch
        {
            { Status: "draft", Items.Count: > 0 } draft => Step.Reply(Progress(turn, draft, null), DialogueRules.AfterOrder(turn.State, draft)),
            { Status: "confirmed" or "fulfilled" } placed => Step.Reply(turn.Say.ConfirmedEarlier(placed), turn.State with { Awaiting = Awaiting.Nothing }),
            _ => Step.Reply(turn.Say.NoOrder(), turn.State with { Awaiting = Awaiting.Nothing }),
        };
    }

    public static Step Cancel(OfflineTurn turn, TurnResults done)
    {
        if (done.Of(Tools.CancelOrder) is not { } result)
        {
            return Step.Call(Tools.CancelOrder);
        }

        var state = turn.State with { Awaiting = Awaiting.Nothing, Focus = null, BuyQuantity = null, ConfirmedOrder = null };
        return result.Order() is { Status: "cancelled" } order
            ? Step.Reply(turn.Say.Cancelled(order), state)
            : Step.Reply(turn.Say.NothingToCancel(), state);
    }

    public static Step Deny(OfflineTurn turn) => Step.Reply(turn.Say.WhatToChange(), turn.State with { Awaiting = Awaiting.Nothing });

    /// <summary>"yes" to "May I have your name?": the order and its question again, not "you're welcome".</summary>
    public static Step AskAgain(OfflineTurn turn, OrderView draft) => Step.Reply(Progress(turn, draft, null), turn.State);

    private static string Progress(OfflineTurn turn, OrderView order, string? lead) =>
        turn.Say.Progress(order, lead, phoneNeeded: turn.Platform == Platforms.Instagram);
}
