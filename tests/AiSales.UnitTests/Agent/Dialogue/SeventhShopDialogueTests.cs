using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What a seventh shop written blind (dates, sweets and chocolate in Jeddah) found missing in the dialogue: boxes that make a weight
/// asked by the kilo, a box named by its pieces, a name holding the customer's word over a description that mentions it, a plural
/// asking for a kind, and a phrase whose kind nothing in the catalogue is.
/// </summary>
public sealed class SeventhShopDialogueTests
{
    private static readonly ProductFact Sukkari500 = Product("Sukkari Dates 500 g | تمر سكري 500 جرام", 32.50m);
    private static readonly ProductFact Sukkari1K = Product("Sukkari Dates 1 kg | تمر سكري 1 كيلو", 60.00m);
    private static readonly ProductFact Stuffed = Product("Dates Stuffed with Almonds 250 g | تمر محشي لوز 250 جرام", 42.00m,
        description: "تمر سكري منزوع النوى محشي بحبة لوز محمص.");
    private static readonly ProductFact Ajwa500 = Product("Ajwa Dates 500 g | تمر عجوة 500 جرام", 55.00m);
    private static readonly ProductFact Ajwa1K = Product("Ajwa Dates 1 kg | تمر عجوة 1 كيلو", 105.00m, stock: 4);
    private static readonly ProductFact Maamoul = Product("Date Maamoul Tray 1 kg | صينية معمول تمر 1 كيلو", 78.00m, description: "معمول بالسميد محشي عجوة");
    private static readonly ProductFact Luxury = Product("Luxury Wooden Dates Box 2 kg | صندوق تمور فاخر خشب 2 كيلو", 320.00m,
        description: "صندوق خشب فاخر فيه 2 كيلو تمور مشكلة: سكري وعجوة ومجدول. Mixed dates: sukkari, ajwa and medjool.");
    private static readonly ProductFact Medjool500 = Product("Medjool Dates 500 g | تمر مجدول 500 جرام", 62.00m);
    private static readonly ProductFact Medjool1K = Product("Medjool Dates 1 kg | تمر مجدول 1 كيلو", 118.00m, stock: 0);
    private static readonly ProductFact Box16 = Product("Assorted Chocolate Box, 16 pcs | علبة شوكولاتة مشكلة 16 حبة", 58.00m);
    private static readonly ProductFact Box32 = Product("Assorted Chocolate Box, 32 pcs | علبة شوكولاتة مشكلة 32 حبة", 109.00m);
    private static readonly ProductFact Box64 = Product("Assorted Chocolate Box, 64 pcs | علبة شوكولاتة مشكلة 64 حبة", 199.00m, stock: 2);
    private static readonly ProductFact EidTray = Product("Eid Gift Tray | صينية هدايا العيد", 249.00m);

    private static Func<string, Dictionary<string, object?>, object?> Shop(ProductFact[] found, Func<ProductFact, int, OrderView>? add = null) =>
        (tool, args) => tool switch
        {
            Tools.SearchProducts => found,
            Tools.AddToOrder => add?.Invoke(found.First(p => p.ProductId.ToString() == (string)args["product"]!), (int)args["quantity"]!)
                ?? Order(lines: (found.First(p => p.ProductId.ToString() == (string)args["product"]!), (int)args["quantity"]!)),
            Tools.StoreInfo => Array.Empty<FaqAnswer>(),
            _ => null,
        };

    [Fact]
    public void AKiloIsTheBoxOfAKiloAndTwoKilosAreTwoOfIt()
    {
        var asked = Play(Turn("السلام عليكم، بكم كيلو السكري؟"), Shop([Sukkari1K, Sukkari500, Stuffed, Luxury]));

        Assert.Equal("سكري", asked.Argument(Tools.SearchProducts, "query"));
        Assert.Contains("60", asked.Text);
        Assert.DoesNotContain("32.5", asked.Text);
        Assert.Equal(Sukkari1K.ProductId, asked.State.Focus);

        var bought = Play(Turn("طيب ابغى كيلوين", asked.State), Shop([Sukkari1K]));

        Assert.Equal(Sukkari1K.ProductId.ToString(), bought.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(2, bought.Argument(Tools.AddToOrder, "quantity"));
    }

    [Theory]
    [InlineData("Hi, can I get 2 kg of ajwa dates?", 2)]
    [InlineData("ابغى ٥ كيلو عجوة", 5)]
    public void KilosOfAVarietyAreItsKiloBoxesNotAMixedBoxOrAProductFilledWithIt(string text, int boxes)
    {
        var played = Play(Turn(text), Shop([Ajwa1K, Ajwa500, Maamoul, Luxury]));

        Assert.Equal(Ajwa1K.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(boxes, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void HalfAKiloIsTheHalfKiloBox()
    {
        var played = Play(Turn("ابي نص كيلو عجوة"), Shop([Ajwa1K, Ajwa500, Maamoul]));

        Assert.Equal(Ajwa500.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(1, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void AKiloAndAHalfIsAKiloBoxAndAHalfKiloBox()
    {
        var lines = new List<(ProductFact, int)>();
        var played = Play(Turn("ابغى كيلو ونص سكري"), Shop([Sukkari1K, Sukkari500, Stuffed, Luxury], (product, quantity) =>
        {
            lines.Add((product, quantity));
            return Order(lines: [.. lines]);
        }));

        Assert.Equal([(Sukkari1K, 1), (Sukkari500, 1)], lines);
        Assert.Contains("92.5", played.Text);
    }

    [Fact]
    public void AnotherWeightOfTheProductJustShownIsItsOtherBox()
    {
        var state = Shown(Medjool1K) with { Focus = Medjool1K.ProductId, LastQuery = "medjool dates" };
        var played = Play(Turn("ok then two of the 500 g ones", state), Shop([Medjool1K, Medjool500, Luxury]));

        Assert.Equal("medjool dates", played.Argument(Tools.SearchProducts, "query"));
        Assert.Equal(Medjool500.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(2, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void PiecesAfterTheBoxNameTheBox()
    {
        var asked = Play(Turn("بكم علبة الشوكولاتة ١٦ حبة؟"), Shop([Box16, Box32, Box64]));

        Assert.Contains("58", asked.Text);
        Assert.DoesNotContain("109", asked.Text);
        Assert.DoesNotContain("928", asked.Text);

        var bought = Play(Turn("ابي علبتين شوكولاتة 32 حبة"), Shop([Box16, Box32, Box64]));

        Assert.Equal(Box32.ProductId.ToString(), bought.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(2, bought.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void PiecesPickTheBoxFromTheList()
    {
        var played = Play(Turn("خلاص آخذ اللي 32 حبة", Shown(Box16, Box32, Box64) with { Awaiting = AiSales.AiAgent.Agent.Offline.Understanding.Awaiting.Choice }),
            Shop([Box16, Box32, Box64]));

        Assert.Equal(Box32.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(1, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void PiecesNoNameHoldsAreACount()
    {
        var perfume = Product("Oud Perfume 100 ml | عطر عود 100 مل", 45m);
        var played = Play(Turn("ابي عطر عود 3 حبات"), Shop([perfume]));

        Assert.Equal(3, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void APluralFindingOneProductAsksForTheKind()
    {
        var searches = 0;
        var played = Play(Turn("وش عندكم من التمور؟"), (tool, args) => tool == Tools.SearchProducts
            ? ++searches == 1 ? new[] { Luxury } : new[] { Ajwa500, Sukkari1K, Medjool500 }
            : null);

        Assert.Equal("تمر", played.Calls[1].Arguments["query"]);
        Assert.Equal(4, played.State.Shown.Count);
    }

    [Fact]
    public void APhraseWhoseKindNothingIsFindsNothing()
    {
        var played = Play(Turn("عندكم كيكة عيد ميلاد؟"), Shop([EidTray]));

        Assert.DoesNotContain("249", played.Text);
        Assert.Null(played.State.Focus);
    }

    [Fact]
    public void APluralIsItsSingularInAName()
    {
        var mixer = Product("Hand Mixer | خفاقة كهربائية", 30000m, currency: "IQD");
        var vacuum = Product("Vacuum Cleaner 2000 W | مكنسة كهربائية 2000 واط", 150000m, stock: 4, currency: "IQD");
        var played = Play(Turn("اريد 6 مكانس كهربائية للشركة"), Shop([mixer, vacuum]));

        Assert.Equal(vacuum.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(6, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void ALongMessageNamingTwoProductsAndAskingTheTotalListsEachWithItsPrice()
    {
        var small = Product("Baklava Tray, Small 500 g | صينية بقلاوة صغيرة 500 جرام", 64.50m);
        var large = Product("Baklava Tray, Large 1.5 kg | صينية بقلاوة كبيرة 1.5 كيلو", 179.00m);
        var text = "السلام عليكم ورحمة الله يا أخوي، والله عندنا عزيمة يوم الخميس عند أهل زوجتي وأبغى أجيب معاي شي حلو يعني يكون شكله حلو ويشرف، "
            + "كنت أفكر في صينية بقلاوة كبيرة أو شي زي كذا، وكمان أبغى كيلو تمر سكري عشان القهوة، الله يعافيك كم يطلع المجموع؟";
        var played = Play(Turn(text), (tool, args) => tool != Tools.SearchProducts ? null
            : ((string)args["query"]!).Contains("بقلاوه") ? new[] { large, small }
            : ((string)args["query"]!).Contains("تمر") ? new[] { Stuffed, Sukkari1K, Sukkari500 }
            : new[] { Sukkari500 }); // a guess through a description: «حلو» in «طري وحلو»

        Assert.True(played.Calls.Count <= 4, string.Join(", ", played.Tools));
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
        Assert.Equal([large.ProductId, Sukkari1K.ProductId], played.State.Shown.Select(s => s.Id));
        Assert.Contains("179", played.Text);
        Assert.Contains("60", played.Text);

        var both = Play(Turn("تمام ضيفهم الاثنين", played.State), (tool, args) => tool == Tools.AddToOrder
            ? Order(lines: [(large, 1), (Sukkari1K, 1)]) : null);

        Assert.Equal(2, both.Calls.Count(c => c.Tool == Tools.AddToOrder));
        Assert.All(both.Calls, c => Assert.Equal(1, c.Arguments["quantity"]));
    }

    [Fact]
    public void TwoProductsInAShortQuestionAreEachPriced()
    {
        var played = Play(Turn("بكم كيلو السكري، وكمان علبة الشوكولاتة 16 حبة؟"), (tool, args) => tool != Tools.SearchProducts ? null
            : ((string)args["query"]!).Contains("شوكولاته") ? new[] { Box16, Box32 } : new[] { Sukkari1K, Sukkari500 });

        Assert.Equal([Sukkari1K.ProductId, Box16.ProductId], played.State.Shown.Select(s => s.Id));
        Assert.Contains("58", played.Text);
    }
}
