using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// Follow-ups on a list or a product just shown, found missing by a shop written blind: "both", the price of "them", another size
/// of a product sold one per size, and a size of a product whose description lists its sizes.
/// </summary>
public sealed class ListFollowUpTests
{
    private static readonly ProductFact WhiteBlouse = Product("White Satin Blouse | بلوزة ساتان بيضاء", 690);
    private static readonly ProductFact BlackBlouse = Product("Black Satin Blouse | بلوزة ساتان سوداء", 690);
    private static readonly ProductFact DressS = Product("Floral Maxi Dress, size S | فستان ماكسي مورد مقاس S", 1250);
    private static readonly ProductFact DressM = Product("Floral Maxi Dress, size M | فستان ماكسي مورد مقاس M", 1250);
    private static readonly ProductFact DressL = Product("Floral Maxi Dress, size L | فستان ماكسي مورد مقاس L", 1250, stock: 0);
    private static readonly ProductFact EveningDress = Product("Navy Evening Dress | فستان سهرة كحلي", 2750,
        description: "فستان سهرة ساتان، لون كحلي، متاح بمقاسات S و M و L. Satin evening dress, navy, in sizes S, M and L.");

    [Theory]
    [InlineData("حلوين، رح آخد التنتين")]
    [InlineData("I'll take both")]
    public void BothAddsEveryProductOfTheListOneEach(string text)
    {
        var state = Shown(BlackBlouse, WhiteBlouse) with { Awaiting = Awaiting.Choice };
        var played = Play(Turn(text, state), (tool, arguments) => tool == Tools.AddToOrder
            ? (string)arguments["product"]! == BlackBlouse.ProductId.ToString() ? Order(lines: (BlackBlouse, 1)) : Order(lines: [(BlackBlouse, 1), (WhiteBlouse, 1)])
            : null);

        Assert.Equal([Tools.AddToOrder, Tools.AddToOrder], played.Tools);
        Assert.Equal([1, 1], played.Calls.Select(c => (int)c.Arguments["quantity"]!));
        Assert.Contains("1380", played.Text);
    }

    [Theory]
    [InlineData("قديش حقهن؟")]
    [InlineData("بكم؟")]
    public void ThePriceOfThemShowsTheListAgainWithItsPrices(string text)
    {
        var state = Shown(BlackBlouse, WhiteBlouse) with { Awaiting = Awaiting.Choice, LastQuery = "بلوزات ساتان" };
        var played = Play(Turn(text, state), (tool, _) => tool == Tools.SearchProducts ? new[] { BlackBlouse, WhiteBlouse } : null);

        Assert.Equal([Tools.SearchProducts], played.Tools);
        Assert.Equal("بلوزات ساتان", played.Argument(Tools.SearchProducts, "query"));
        Assert.Contains("1. Black Satin Blouse", played.Text);
        Assert.Contains("690", played.Text);
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
    }

    [Fact]
    public void AnotherSizeOfAProductSoldOnePerSizeIsThatSizesProduct()
    {
        var state = Shown(DressL) with { Focus = DressL.ProductId, LastQuery = "فستان ماكسي مورد" };
        var played = Play(Turn("طب والـ M؟", state), (tool, _) => tool == Tools.SearchProducts ? new[] { DressL, DressM, DressS } : null);

        Assert.Equal("فستان ماكسي مورد", played.Argument(Tools.SearchProducts, "query"));
        Assert.StartsWith(DressM.Name, played.Text);
        Assert.Equal(DressM.ProductId, played.State.Focus);
    }

    [Fact]
    public void ASizePicksFromAListOfSizes()
    {
        var state = Shown(DressS, DressM) with { Awaiting = Awaiting.Choice, BuyQuantity = 1 };
        var played = Play(Turn("الـ M لو سمحتي", state), (tool, _) => tool == Tools.AddToOrder ? Order(lines: (DressM, 1)) : null);

        Assert.Equal([Tools.AddToOrder], played.Tools);
        Assert.Equal(DressM.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }

    [Fact]
    public void ASizeOfTheProductInFocusThatComesInSizesOrdersIt()
    {
        var state = Shown(EveningDress) with { Focus = EveningDress.ProductId };
        var played = Play(Turn("أريد طلبه بمقاس M من فضلك", state), (tool, _) => tool == Tools.AddToOrder ? Order(lines: (EveningDress, 1)) : null);

        Assert.Equal([Tools.AddToOrder], played.Tools);
        Assert.Equal(EveningDress.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(1, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void TheSizesAskedAreAnsweredFromTheDescriptionInTheCustomersLanguage()
    {
        var state = Shown(EveningDress) with { Focus = EveningDress.ProductId };
        var played = Play(Turn("ما المقاسات المتاحة منه؟", state), (tool, _) => tool == Tools.GetProductDetails ? EveningDress : null);

        Assert.Contains("متاح بمقاسات S و M و L", played.Text);
        Assert.DoesNotContain("Satin evening dress", played.Text);
    }

    [Fact]
    public void WithNoSentenceAboutTheSizesTheDescriptionIsGivenInTheCustomersLanguage()
    {
        var trousers = Product("Beige Linen Trousers | بنطلون كتان بيج", 720,
            description: "بنطلون كتان بأستك في الوسط، لون بيج. Linen trousers with an elastic waist, beige.");
        var played = Play(Turn("شنو المقاسات اللي عندكم منه؟", Shown(trousers) with { Focus = trousers.ProductId }),
            (tool, _) => tool == Tools.GetProductDetails ? trousers : null);

        Assert.Contains("بأستك في الوسط", played.Text);
        Assert.DoesNotContain("elastic", played.Text);
    }

    [Fact]
    public void AnOutOfStockProductIsNotOfferedToOrder()
    {
        var arabic = Play(Turn("بكم الفستان مقاس L؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { DressL } : null);
        var english = Play(Turn("how much is the maxi dress in L?"), (tool, _) => tool == Tools.SearchProducts ? new[] { DressL } : null);

        Assert.DoesNotContain("أضيفه", arabic.Text);
        Assert.DoesNotContain("order it", english.Text);
        Assert.Contains("out of stock", english.Text);
    }
}
