using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>Buying versus asking, lists and picks, follow-ups about what was just shown (contract §7).</summary>
public sealed class ProductMovesTests
{
    private static readonly ProductFact Oud = Product("عطر عود ملكي", 250, description: "عطر عود فاخر، 100 مل");
    private static readonly ProductFact Musk = Product("عطر مسك أبيض", 120, description: "مسك أبيض ناعم، 50 مل");
    private static readonly ProductFact BlackBag = Product("حقيبة جلد سوداء", 300, description: "جلد طبيعي، لون أسود");
    private static readonly ProductFact BrownBag = Product("حقيبة جلد بني", 310, description: "جلد طبيعي، لون بني");
    private static readonly ProductFact BlackShoes = Product("Running shoes black", 199, description: "Black running shoes, sizes 40-45");
    private static readonly ProductFact WhiteShoes = Product("Running shoes white", 209, description: "White running shoes, sizes 38-44");

    [Fact]
    public void AWishToBuyWithTwoMatchesOffersANumberedListInsteadOfAddingTheFirst()
    {
        var played = Play(Turn("ابغى عطر"), (tool, _) => tool == Tools.SearchProducts ? new[] { Oud, Musk } : null);

        Assert.Equal([Tools.SearchProducts], played.Tools);
        Assert.Contains("1. عطر عود ملكي", played.Text);
        Assert.Contains("2. عطر مسك أبيض", played.Text);
        Assert.Equal(Awaiting.Choice, played.State.Awaiting);
        Assert.Equal(1, played.State.BuyQuantity);
    }

    [Theory]
    [InlineData("الثانية")]
    [InlineData("2")]
    [InlineData("the second one")]
    [InlineData("المسك")]
    public void APickFromTheListAddsThatProduct(string pick)
    {
        var state = Shown(Oud, Musk) with { Awaiting = Awaiting.Choice, BuyQuantity = 1 };
        var played = Play(Turn(pick, state), (tool, _) => tool == Tools.AddToOrder ? Order(lines: (Musk, 1)) : null);

        Assert.Equal([Tools.AddToOrder], played.Tools);
        Assert.Equal(Musk.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Contains("عطر مسك أبيض", played.Text);
    }

    [Theory]
    [InlineData("عايز شنطة جلد بني، بكام؟")]
    [InlineData("بكم الشنطة البنية؟")]
    public void APriceQuestionIsAnsweredNeverAddedAndKeepsTheColour(string question)
    {
        var played = Play(Turn(question), (tool, _) => tool == Tools.SearchProducts ? new[] { BrownBag } : null);

        Assert.Equal([Tools.SearchProducts], played.Tools);
        Assert.Equal("brown", played.Argument(Tools.SearchProducts, "colour"));
        Assert.Contains("310", played.Text);
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
    }

    [Fact]
    public void HowMuchAreTheWhiteOnesPicksTheWhiteProductJustShown()
    {
        var played = Play(Turn("how much are the white ones?", Shown(BlackShoes, WhiteShoes) with { Awaiting = Awaiting.Choice }),
            (tool, _) => tool == Tools.GetProductDetails ? WhiteShoes : null);

        Assert.Equal([Tools.GetProductDetails], played.Tools);
        Assert.Equal(WhiteShoes.ProductId.ToString(), played.Argument(Tools.GetProductDetails, "product"));
        Assert.Contains("209", played.Text);
        Assert.DoesNotContain("199", played.Text);
    }

    [Fact]
    public void AnotherColourIsAnHonestNoWhenTheSearchHasOnlyTheOneShown()
    {
        var earrings = Product("Pearl earrings", 90, description: "White pearls");
        var state = Shown(earrings) with { Focus = earrings.ProductId, LastQuery = "pearl earrings" };

        var played = Play(Turn("فيه لون ثاني؟", state), (tool, _) => tool == Tools.SearchProducts ? new[] { earrings } : null);

        Assert.Contains("Pearl earrings", played.Text);
        Assert.Contains("لا يتوفر بلون آخر", played.Text);
    }

    [Fact]
    public void AnotherColourListsTheOtherColoursOfTheSameSearch()
    {
        var state = Shown(BlackBag) with { Focus = BlackBag.ProductId, LastQuery = "حقيبه جلد" };

        var played = Play(Turn("في لون تاني؟", state), (tool, _) => tool == Tools.SearchProducts ? new[] { BlackBag, BrownBag } : null);

        Assert.Contains("حقيبة جلد بني", played.Text);
        Assert.DoesNotContain("سوداء", played.Text);
    }

    [Fact]
    public void OneMoreWordAfterAProductWasShownBuysThatProduct()
    {
        var state = Shown(Oud) with { Focus = Oud.ProductId };

        var played = Play(Turn("ابي وحدة", state), (tool, _) => tool == Tools.AddToOrder ? Order(lines: (Oud, 1)) : null);

        Assert.Equal([Tools.AddToOrder], played.Tools);
        Assert.Equal(1, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void AQuestionAboutVolumeIsAnsweredFromTheDescription()
    {
        var state = Shown(Oud) with { Focus = Oud.ProductId };

        var played = Play(Turn("كم حجمه؟", state), (tool, _) => tool == Tools.GetProductDetails ? Oud : null);

        Assert.Contains("100 مل", played.Text);
    }

    [Fact]
    public void AskingThePriceOfTwoGivesTheTotalForTwo()
    {
        var played = Play(Turn("how much would two pairs of running shoes be?"), (tool, _) => tool == Tools.SearchProducts ? new[] { WhiteShoes } : null);

        Assert.Contains("418", played.Text);
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
    }
}
