using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Phrases;

/// <summary>The offline model's English sentences.</summary>
public sealed class EnglishPhrasebook : Phrasebook
{
    public static readonly EnglishPhrasebook Instance = new();

    public override string Greeting(string assistantName) => $"Hello! I'm {assistantName}. How can I help you today?";

    public override string Help() => "How can I help? Ask me about a product's price or availability, or tell me what you'd like to order.";

    public override string NotFound() => "Sorry, I couldn't find that in our catalogue. Could you tell me the product name?";

    public override string NotInColour() => "Sorry, we don't have it in that colour at the moment.";

    public override string NotInSize() => "Sorry, we don't have it in that size at the moment.";

    public override string WhichProduct() => "Of course! Which product do you mean?";

    public override string PickOne() => "Which one would you like? (reply with its number or name)";

    protected override string ListIntro(bool toBuy) => toBuy ? "We have a few options:" : "Here is what I found:";

    protected override string InStock(int stock) => stock <= 5 ? $"in stock (only {stock} left)" : "in stock";

    protected override string OutOfStock => "out of stock";

    public override string Price(ProductFact product, int? quantity)
    {
        var each = $"{product.Name}: {Money(product.Price, product.Currency)}";
        var total = quantity is > 1 ? $" each, so {quantity} would be {Money(product.Price * quantity.Value, product.Currency)}" : "";
        var stock = product.Stock > 0 ? InStock(product.Stock) : OutOfStock;
        return product.Stock > 0 ? $"{each}{total} ({stock}). Would you like to order it?" : $"{each}{total} ({stock}).";
    }

    public override string Describe(ProductFact product, ProductAttribute? attribute, string? passage) =>
        string.IsNullOrWhiteSpace(passage ?? product.Description)
            ? $"I don't have that detail for {product.Name}. A person from our team can confirm it for you."
            : $"{product.Name}: {passage ?? product.Description}{(product.Stock > 0 ? "" : " (out of stock at the moment)")}";

    public override string NoOtherColour(ProductFact product, string? colourName) =>
        $"Sorry, {product.Name} is the only one we have{(colourName is null ? "" : $" ({colourName})")} — no other colour at the moment.";

    public override string Others(IReadOnlyList<ProductFact> products) => List(products, toBuy: false);

    public override string Added(OrderLine line) => $"Added {line.Quantity} × {line.Name} to your order.";

    public override string QuantityChanged(OrderLine line) => $"Done: {line.Quantity} × {line.Name}.";

    public override string Removed(string name) => $"Removed {name} from your order.";

    public override string Replaced(string oldName, OrderLine line) => $"Done: {line.Quantity} × {line.Name} instead of {oldName}.";

    public override string CartReceived() => "Thanks for your cart!";

    public override string CartPriceChanged(OrderLine line, string? currency, decimal shownPrice, string? shownCurrency) =>
        $"{line.Name} is {Money(line.UnitPrice, currency)} now (your cart showed {Money(shownPrice, shownCurrency ?? currency)}).";

    public override string CartUnknown(IReadOnlyList<string> skus) => skus.Count == 1
        ? $"Sorry, item {skus[0]} is not in our catalogue, so it is not in your order."
        : $"Sorry, items {string.Join(", ", skus)} are not in our catalogue, so they are not in your order.";

    public override string EmptyOrder() => "Your order is empty now. What would you like?";

    public override string OrderLines(OrderView order) =>
        $"Your order: {string.Join(", ", order.Items.Select(i => $"{i.Quantity} × {i.Name} ({Money(i.UnitPrice, order.Currency)})"))}. Total: {Money(order.Total, order.Currency)}.";

    public override string AskName() => "May I have your name for the order?";

    public override string AskAddress() => "What is the delivery address?";

    public override string AskPhone() => "What phone number can we reach you on?";

    protected override string Summary(OrderView order, bool phoneNeeded) =>
        $"Name: {order.CustomerName}. Address: {order.ShippingAddress}.{(phoneNeeded ? $" Phone: {order.Phone}." : "")} Shall I confirm the order? (yes/no)";

    public override string Problem(OrderView order) => order.ProblemCode switch
    {
        "out_of_stock" => $"Sorry, {order.ProblemProduct} is out of stock.",
        "not_enough_stock" => $"Sorry, only {order.Available} of {order.ProblemProduct} left.",
        "other_currency" => $"Sorry, {order.ProblemProduct} is priced in another currency, so it needs a separate order.",
        "too_many" => "That is more than one order can hold.",
        "not_found" => "Sorry, I couldn't find that product.",
        "no_draft" => "There is no order in progress yet.",
        _ => order.Problem ?? "Sorry, I couldn't change the order.",
    };

    public override string Confirmed(OrderView order) =>
        $"Your order #{order.Number} is confirmed. Total: {Money(order.Total, order.Currency)}. Thank you!";

    public override string Cancelled(OrderView order) => $"Your order #{order.Number} is cancelled.";

    public override string NothingToCancel() => "There is no order to cancel.";

    public override string NoOrder() => "You have no order yet. What would you like?";

    public override string ConfirmedEarlier(OrderView order) =>
        $"Your order #{order.Number} is confirmed: {string.Join(", ", order.Items.Select(i => $"{i.Quantity} × {i.Name}"))}. Total: {Money(order.Total, order.Currency)}.";

    public override string WhatToChange() => "No problem. What would you like to change?";

    public override string Courtesy(bool goodbye) => goodbye ? "Thank you! Have a lovely day." : "You're welcome! Happy to help.";

    public override string StoreUnknown() => "Good question — let me check with the team. A person will confirm it for you shortly.";

    public override string Handoff() => "Of course — I've passed you to a member of our team. A person will reply here shortly.";
}
