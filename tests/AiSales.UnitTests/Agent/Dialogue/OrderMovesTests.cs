using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>Quantities, removing, cancelling, details without lead-ins, confirming (contract §7).</summary>
public sealed class OrderMovesTests
{
    private static readonly ProductFact Oud = Product("عطر عود ملكي", 250, stock: 2);
    private static readonly ProductFact Musk = Product("عطر مسك أبيض", 120);

    [Theory]
    [InlineData("خلها حبتين", 2)]
    [InlineData("خليها ٣", 3)]
    [InlineData("make it 3", 3)]
    public void AQuantityChangeUpdatesTheLine(string text, int quantity)
    {
        var draft = Order(lines: (Musk, 1));
        var played = Play(Turn(text, Shown(Musk) with { Focus = Musk.ProductId }, draft),
            (tool, _) => tool == Tools.UpdateQuantity ? Order(lines: (Musk, quantity)) : null);

        Assert.Equal([Tools.UpdateQuantity], played.Tools);
        Assert.Equal(Musk.Sku, played.Argument(Tools.UpdateQuantity, "product"));
        Assert.Equal(quantity, played.Argument(Tools.UpdateQuantity, "quantity"));
    }

    [Fact]
    public void MoreThanTheStockSaysHowManyAreLeft()
    {
        var draft = Order(lines: (Oud, 1));
        var played = Play(Turn("خلها ٥", Shown(Oud) with { Focus = Oud.ProductId }, draft),
            (tool, _) => tool == Tools.UpdateQuantity ? draft.WithProblem("not_enough_stock", "Only 2 left", Oud.Name, 2) : null);

        Assert.Contains("باقي 2 فقط", played.Text);
    }

    [Theory]
    [InlineData("الغي الطلب")]
    [InlineData("cancel my order")]
    public void CancellingCallsCancelAndNeverAsksForAnAddress(string text)
    {
        var draft = Order(lines: (Musk, 1));
        var played = Play(Turn(text, draft: draft), (tool, _) => tool == Tools.CancelOrder ? draft with { Status = "cancelled" } : null);

        Assert.Equal([Tools.CancelOrder], played.Tools);
        Assert.Contains("1042", played.Text);
        Assert.DoesNotContain("عنوان", played.Text);
        Assert.DoesNotContain("address", played.Text);
    }

    [Theory]
    [InlineData("اسمي نورة", "نورة")]
    [InlineData("my name is Sam Lee", "Sam Lee")]
    public void ANameIsStoredWithoutItsLeadIn(string text, string name)
    {
        var draft = Order(lines: (Musk, 1));
        var played = Play(Turn(text, DialogueState.Empty with { Awaiting = Awaiting.Name }, draft),
            (tool, _) => tool == Tools.SetOrderDetails ? draft with { CustomerName = name, Missing = "shipping_address" } : null);

        Assert.Equal(name, played.Argument(Tools.SetOrderDetails, "customerName"));
        Assert.Equal(Awaiting.Address, played.State.Awaiting);
    }

    [Fact]
    public void ABareNameCountsWhenTheNameWasAsked()
    {
        var draft = Order(lines: (Musk, 1));
        var played = Play(Turn("نورة", DialogueState.Empty with { Awaiting = Awaiting.Name }, draft),
            (tool, _) => tool == Tools.SetOrderDetails ? draft with { CustomerName = "نورة", Missing = "shipping_address" } : null);

        Assert.Equal("نورة", played.Argument(Tools.SetOrderDetails, "customerName"));
    }

    [Fact]
    public void YesToTheSummaryConfirmsAndTheLoserIsToldHowManyAreLeft()
    {
        var draft = Order("Noura", "Riyadh", "966500000001", (Oud, 2));
        var state = DialogueState.Empty with { Awaiting = Awaiting.Confirmation };

        var confirmed = Play(Turn("نعم", state, draft), (tool, _) => tool == Tools.ConfirmOrder ? draft with { Status = "confirmed" } : null);
        var lost = Play(Turn("yes", state, draft),
            (tool, _) => tool == Tools.ConfirmOrder ? draft.WithProblem("not_enough_stock", "Only 1 left", Oud.Name, 1) : null);

        Assert.Contains("1042", confirmed.Text);
        Assert.Equal(1042, confirmed.State.ConfirmedOrder);
        Assert.Contains("only 1 of", lost.Text);
    }

    [Fact]
    public void AProductInAnotherCurrencyIsRefusedWithTheReason()
    {
        var dollars = Product("Gift card", 50, currency: "USD");
        var draft = Order(lines: (Musk, 1));
        var played = Play(Turn("I want the gift card", Shown(dollars), draft),
            (tool, _) => tool == Tools.AddToOrder ? draft.WithProblem("other_currency", "one currency", dollars.Name) : null);

        Assert.Contains("another currency", played.Text);
    }

    [Fact]
    public void WhatIsInMyOrderReadsTheOrder()
    {
        var draft = Order("Noura", null, "966500000001", (Musk, 2));
        var played = Play(Turn("وش في طلبي؟", draft: draft), (tool, _) => tool == Tools.GetOrder ? draft : null);

        Assert.Equal([Tools.GetOrder], played.Tools);
        Assert.Contains("2 × عطر مسك أبيض", played.Text);
    }
}
