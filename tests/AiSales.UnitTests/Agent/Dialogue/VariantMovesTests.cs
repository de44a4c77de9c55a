using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>Swapping a line for another colour or size of the same product ("make it the navy one instead"), never adding both.</summary>
public sealed class VariantMovesTests
{
    private static readonly ProductFact BlackAbaya = Product("Black Crepe Abaya | عباية كريب سوداء", 1450, description: "Plain crepe abaya, black.");
    private static readonly ProductFact NavyAbaya = Product("Navy Crepe Abaya | عباية كريب كحلي", 1450, description: "Plain crepe abaya, navy blue.");
    private static readonly ProductFact DressS = Product("Floral Maxi Dress, size S | فستان ماكسي مورد مقاس S", 1250);
    private static readonly ProductFact DressM = Product("Floral Maxi Dress, size M | فستان ماكسي مورد مقاس M", 1250);
    private static readonly ProductFact DressL = Product("Floral Maxi Dress, size L | فستان ماكسي مورد مقاس L", 1250, stock: 0);

    [Theory]
    [InlineData("actually can you make it the navy one instead?")]
    [InlineData("خليها الكحلي بدل السودا")]
    public void AnotherColourReplacesTheLineWithTheSameQuantity(string text)
    {
        var draft = Order(phone: null, lines: (BlackAbaya, 2));
        var played = Play(Turn(text, Shown(BlackAbaya) with { Focus = BlackAbaya.ProductId }, draft), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { BlackAbaya, NavyAbaya },
            Tools.AddToOrder => Order(phone: null, lines: [(BlackAbaya, 2), (NavyAbaya, 2)]),
            Tools.RemoveItem => Order(phone: null, lines: (NavyAbaya, 2)),
            _ => null,
        });

        Assert.Equal([Tools.SearchProducts, Tools.AddToOrder, Tools.RemoveItem], played.Tools);
        Assert.Equal("crepe abaya", played.Argument(Tools.SearchProducts, "query"));
        Assert.Equal("navy", played.Argument(Tools.SearchProducts, "colour"));
        Assert.Equal(NavyAbaya.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(2, played.Argument(Tools.AddToOrder, "quantity"));
        Assert.Equal(BlackAbaya.Sku, played.Argument(Tools.RemoveItem, "product"));
        Assert.Contains("Navy Crepe Abaya", played.Text);
        Assert.Contains("2900", played.Text);
    }

    [Fact]
    public void AnotherSizeReplacesTheLineWithTheProductOfThatSize()
    {
        var draft = Order(lines: (DressS, 1));
        var played = Play(Turn("لا معلش خليه M بدل S", Shown(DressS) with { Focus = DressS.ProductId }, draft), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { DressL, DressM, DressS },
            Tools.AddToOrder => Order(lines: [(DressS, 1), (DressM, 1)]),
            Tools.RemoveItem => Order(lines: (DressM, 1)),
            _ => null,
        });

        Assert.Equal("floral maxi dress size", played.Argument(Tools.SearchProducts, "query"));
        Assert.Equal(DressM.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(DressS.Sku, played.Argument(Tools.RemoveItem, "product"));
        Assert.Contains("مقاس M", played.Text);
    }

    [Fact]
    public void AColourTheShopDoesNotHaveKeepsTheOrderAsItWas()
    {
        var draft = Order(lines: (BlackAbaya, 1));
        var played = Play(Turn("make it the red one instead", Shown(BlackAbaya) with { Focus = BlackAbaya.ProductId }, draft),
            (tool, _) => tool == Tools.SearchProducts ? new[] { BlackAbaya, NavyAbaya } : null);

        Assert.Equal([Tools.SearchProducts], played.Tools);
        Assert.Contains("colour", played.Text);
        Assert.Contains("Black Crepe Abaya", played.Text);
    }

    [Fact]
    public void AVariantThatCannotBeAddedLeavesTheOldLine()
    {
        var draft = Order(lines: (DressM, 1));
        var refused = Order(lines: (DressM, 1)) with { ProblemCode = "out_of_stock", Problem = "out of stock" };
        var played = Play(Turn("make it L", Shown(DressM) with { Focus = DressM.ProductId }, draft), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { DressL, DressM, DressS },
            Tools.AddToOrder => refused,
            _ => null,
        });

        Assert.Equal([Tools.SearchProducts, Tools.AddToOrder], played.Tools);
        Assert.DoesNotContain(Tools.RemoveItem, played.Tools);
    }

    [Fact]
    public void TheSameColourAsTheLineIsNoSwap()
    {
        var draft = Order(lines: (BlackAbaya, 1));
        var played = Play(Turn("make it the black one", Shown(BlackAbaya) with { Focus = BlackAbaya.ProductId }, draft),
            (tool, _) => tool == Tools.SearchProducts ? new[] { BlackAbaya } : tool == Tools.GetProductDetails ? BlackAbaya : null);

        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
        Assert.DoesNotContain(Tools.RemoveItem, played.Tools);
    }

    [Theory]
    [InlineData("Black Crepe Abaya | عباية كريب سوداء", "crepe abaya")]
    [InlineData("Floral Maxi Dress, size S | فستان ماكسي مورد مقاس S", "floral maxi dress size")]
    [InlineData("عطر عود ملكي", "عطر عود ملكي")]
    public void TheLookAlikesOfANameAreItsWordsWithoutColourAndSize(string name, string words) =>
        Assert.Equal(words, VariantMoves.LookAlikes(name));
}
