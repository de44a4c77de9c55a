using System.Text;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Phrases;

/// <summary>
/// The offline model's sentences. Every product name, price, stock figure and order figure in them comes from a tool
/// result passed in; the sentences themselves are the language's own (<see cref="ArabicPhrasebook"/>,
/// <see cref="EnglishPhrasebook"/>).
/// </summary>
public abstract class Phrasebook
{
    public static Phrasebook For(string language) => language == "ar" ? ArabicPhrasebook.Instance : EnglishPhrasebook.Instance;

    public abstract string Greeting(string assistantName);

    public abstract string Help();

    public abstract string NotFound();

    public abstract string NotInColour();

    public abstract string NotInSize();

    public abstract string WhichProduct();

    public abstract string PickOne();

    protected abstract string ListIntro(bool toBuy);

    protected abstract string InStock(int stock);

    protected abstract string OutOfStock { get; }

    public string List(IReadOnlyList<ProductFact> products, bool toBuy)
    {
        var text = new StringBuilder(ListIntro(toBuy));
        for (var i = 0; i < products.Count && i < 5; i++)
        {
            var p = products[i];
            text.Append('\n').Append(i + 1).Append(". ").Append(p.Name).Append(" — ").Append(Money(p.Price, p.Currency))
                .Append(p.Stock > 0 ? "" : $" ({OutOfStock})");
        }

        return text.Append('\n').Append(PickOne()).ToString();
    }

    /// <summary>One product's price (times the quantity asked about) and whether it is in stock.</summary>
    public abstract string Price(ProductFact product, int? quantity);

    public abstract string Describe(ProductFact product, ProductAttribute? attribute, string? passage);

    public abstract string NoOtherColour(ProductFact product, string? colourName);

    public abstract string Others(IReadOnlyList<ProductFact> products);

    /// <summary>After an order change: what it holds now, then the next question (a detail, or the confirmation).</summary>
    public string Progress(OrderView order, string? lead, bool phoneNeeded)
    {
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.Append(lead).Append(' ');
        }

        if (order.Items.Count == 0)
        {
            return text.Append(EmptyOrder()).ToString().Trim();
        }

        text.Append(OrderLines(order)).Append(' ');
        text.Append(order.Missing switch
        {
            "customer_name" => AskName(),
            "shipping_address" => AskAddress(),
            "phone" => AskPhone(),
            _ => Summary(order, phoneNeeded),
        });
        return text.ToString().Trim();
    }

    public abstract string Added(OrderLine line);

    public abstract string QuantityChanged(OrderLine line);

    public abstract string Removed(string name);

    /// <summary>A line swapped for another variant ("make it the navy one"): the old name, and the new line.</summary>
    public abstract string Replaced(string oldName, OrderLine line);

    /// <summary>A WhatsApp cart arrived and at least one line went into the order.</summary>
    public abstract string CartReceived();

    /// <summary>A cart line is in the order at our price, not the one the cart showed.</summary>
    public abstract string CartPriceChanged(OrderLine line, string? currency, decimal shownPrice, string? shownCurrency);

    /// <summary>Cart lines whose SKU the catalogue does not have.</summary>
    public abstract string CartUnknown(IReadOnlyList<string> skus);

    public abstract string EmptyOrder();

    public abstract string OrderLines(OrderView order);

    public abstract string AskName();

    public abstract string AskAddress();

    public abstract string AskPhone();

    protected abstract string Summary(OrderView order, bool phoneNeeded);

    public abstract string Problem(OrderView order);

    public abstract string Confirmed(OrderView order);

    public abstract string Cancelled(OrderView order);

    public abstract string NothingToCancel();

    public abstract string NoOrder();

    public abstract string ConfirmedEarlier(OrderView order);

    public abstract string WhatToChange();

    public abstract string Courtesy(bool goodbye);

    public abstract string StoreUnknown();

    public abstract string Handoff();

    public static string Money(decimal amount, string? currency) => MoneyText.Format(amount, currency);
}
