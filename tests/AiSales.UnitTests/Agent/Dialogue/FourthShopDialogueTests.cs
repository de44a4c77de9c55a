using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What a fourth shop written blind (skincare and cosmetics in Amman) found missing in the dialogue: the small or big one of a product
/// sold in two sizes, the colours of a product family, what a removal keeps, the product whose name holds the customer's words, an
/// Arabizi word the Arabic reading only guessed at.
/// </summary>
public sealed class FourthShopDialogueTests
{
    private static readonly ProductFact Cream50 = Product("Hydrating Face Cream 50ml | كريم ترطيب للوجه 50 مل", 12.5m, currency: "JOD");
    private static readonly ProductFact Cream100 = Product("Hydrating Face Cream 100ml | كريم ترطيب للوجه 100 مل", 19.75m, currency: "JOD");
    private static readonly ProductFact Nude = Product("Matte Lipstick, Nude | أحمر شفاه مطفي نود", 8.75m, description: "روج مطفي، لون نود.", currency: "JOD");
    private static readonly ProductFact Red = Product("Matte Lipstick, Red | أحمر شفاه مطفي أحمر", 8.75m, description: "روج مطفي، لون أحمر.", currency: "JOD");
    private static readonly ProductFact Rose = Product("Matte Lipstick, Rose | أحمر شفاه مطفي روز", 8.75m, stock: 0, currency: "JOD");
    private static readonly ProductFact Wash = Product("Foaming Face Wash | غسول وجه رغوي", 7.25m, currency: "JOD");
    private static readonly ProductFact Micellar = Product("Micellar Water 400ml | ماء ميسيلار 400 مل", 9.5m, currency: "JOD");
    private static readonly ProductFact Oud = Product("Oud Perfume 100ml | عطر عود 100 مل", 45.5m, stock: 4, currency: "JOD");
    private static readonly ProductFact Musk = Product("White Musk Perfume 50ml | عطر مسك أبيض 50 مل", 24m, currency: "JOD");
    private static readonly ProductFact Mascara = Product("Lengthening Mascara | ماسكارا تطويل", 9.25m, currency: "JOD");

    [Theory]
    [InlineData("بدي الصغير", "50ml")]
    [InlineData("I'll take the big one", "100ml")]
    public void TheSmallOrBigOneOfAListThatDiffersByMeasure(string text, string chosen)
    {
        var state = Shown(Cream100, Cream50) with { Awaiting = Awaiting.Choice };
        var played = Play(Turn(text, state), (tool, args) => tool == Tools.AddToOrder
            ? Order(lines: (args["product"]!.ToString() == Cream50.ProductId.ToString() ? Cream50 : Cream100, 1))
            : null);

        var expected = chosen == "50ml" ? Cream50 : Cream100;
        Assert.Equal(expected.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }

    [Fact]
    public void TheBiggerOneReplacesTheLine()
    {
        var draft = Order(lines: (Cream50, 1));
        var played = Play(Turn("لا استني، خليه الكبير بداله", Shown(Cream50) with { Focus = Cream50.ProductId }, draft), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { Cream50, Cream100 },
            Tools.AddToOrder => Order(lines: [(Cream50, 1), (Cream100, 1)]),
            Tools.RemoveItem => Order(lines: (Cream100, 1)),
            _ => null,
        });

        Assert.Equal("hydrating face cream", played.Argument(Tools.SearchProducts, "query"));
        Assert.Equal(Cream100.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(Cream50.Sku, played.Argument(Tools.RemoveItem, "product"));
    }

    [Fact]
    public void TheColoursOfAProductFamilyAreItsProducts()
    {
        var played = Play(Turn("شو ألوان أحمر الشفاه المطفي اللي عندكم؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { Nude, Red, Rose } : null);

        Assert.Contains("1. Matte Lipstick, Nude", played.Text);
        Assert.Contains("Matte Lipstick, Red", played.Text);
        Assert.Equal(Awaiting.Choice, played.State.Awaiting);

        var picked = Play(Turn("بدي النود", played.State), (tool, _) => tool == Tools.AddToOrder ? Order(lines: (Nude, 1)) : null);
        Assert.Equal(Nude.ProductId.ToString(), picked.Argument(Tools.AddToOrder, "product"));
    }

    [Fact]
    public void AnotherColourOfAProductWhoseNameHoldsAColourWord()
    {
        var state = Shown(Rose) with { Focus = Rose.ProductId, LastQuery = "روج مطفي" };
        var played = Play(Turn("طيب والأحمر؟", state), (tool, _) => tool == Tools.SearchProducts ? new[] { Nude, Red, Rose } : null);

        Assert.Equal("روج مطفي", played.Argument(Tools.SearchProducts, "query"));
        Assert.Contains("Matte Lipstick, Red", played.Text);
        Assert.DoesNotContain("Nude", played.Text);
        Assert.DoesNotContain("Rose", played.Text);
    }

    [Theory]
    [InlineData("لا شيلي الميسيلار، بس الغسول")]
    [InlineData("remove the micellar water, just keep the face wash")]
    public void WhatARemovalKeepsDoesNotChooseTheLine(string text)
    {
        var draft = Order(lines: [(Wash, 1), (Micellar, 1)]);
        var played = Play(Turn(text, DialogueState.Empty, draft), (tool, _) => tool == Tools.RemoveItem ? Order(lines: (Wash, 1)) : null);

        Assert.Equal(Micellar.Sku, played.Argument(Tools.RemoveItem, "product"));
    }

    [Fact]
    public void TheProductWhoseNameHoldsMoreOfTheWordsIsTheOne()
    {
        var played = Play(Turn("بدي 6 عطر عود للمحل عندي"), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { Oud, Musk },
            Tools.AddToOrder => Order(lines: (Oud, 4)),
            _ => null,
        });

        Assert.Equal(Oud.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(6, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void AWordThatNamesNoneOfTheProductsShownIsANewSearchAndOnlyTheOneInStockIsBought()
    {
        var tinted = Product("Tinted Sunscreen SPF 50 | واقي شمس ملون SPF 50", 16.9m, stock: 0, currency: "JOD");
        var regular = Product("Sunscreen SPF 50 | واقي شمس SPF 50", 14.25m, currency: "JOD");
        var played = Play(Turn("ok then I'll take 2 of the regular sunscreen", Shown(tinted) with { Focus = tinted.ProductId }), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { tinted, regular },
            Tools.AddToOrder => Order(lines: (regular, 2)),
            _ => null,
        });

        Assert.Equal(regular.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(2, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void AHitTheSearchOnlyGuessedAtIsDropped()
    {
        var mask = Product("Dead Sea Mud Mask | ماسك طين البحر الميت", 8m, description: "ماسك طين لتنظيف المسام.", currency: "JOD");
        var played = Play(Turn("وكمان ماسكارا", DialogueState.Empty, Order(lines: (Wash, 1))), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { Mascara, mask },
            Tools.AddToOrder => Order(lines: [(Wash, 1), (Mascara, 1)]),
            _ => null,
        });

        Assert.Equal(Mascara.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }

    [Fact]
    public void APluralStillNamesEveryProductOfItsSingular()
    {
        var earbuds = Product("Wireless Earbuds Pro | سماعات لاسلكية برو", 229);
        var speaker = Product("Mini Bluetooth Speaker | سماعة بلوتوث صغيرة", 149);
        var played = Play(Turn("عندكو سماعات؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { earbuds, speaker } : null);

        Assert.Contains("1. ", played.Text);
        Assert.Contains("سماعة بلوتوث صغيرة", played.Text);
        Assert.Contains("سماعات لاسلكية برو", played.Text);
    }

    [Fact]
    public void AColourWithoutItsHamzaStillChoosesAmongLookAlikes()
    {
        var white = Product("حذاء جري أبيض - White Running Shoes", 310, description: "حذاء رياضي للجري، لون أبيض.");
        var black = Product("حذاء جري أسود - Black Running Shoes", 290, description: "حذاء رياضي للجري، لون أسود.");
        var played = Play(Turn("ابغي حذاء جري اسود"), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { white, black },
            Tools.AddToOrder => Order(lines: (black, 1)),
            _ => null,
        });

        Assert.Equal(black.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }

    [Fact]
    public void AMasculineDualBuysTwoOfTheProductNamed()
    {
        var played = Play(Turn("مرحبا، بدي عطرين مسك أبيض هدية"), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { Musk, Oud },
            Tools.AddToOrder => Order(lines: (Musk, 2)),
            _ => null,
        });

        Assert.Equal(Musk.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(2, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void AnArabiziWordTheArabicReadingOnlyGuessedAtIsSearchedAsWritten()
    {
        var played = Play(Turn("marhaba, 3ndkom mascara?"), (tool, args) => tool == Tools.SearchProducts
            ? (args["query"]!.ToString()!.Contains("mascara") ? new[] { Mascara } : new[] { Musk })
            : null);

        Assert.Contains("Lengthening Mascara", played.Text);
        Assert.DoesNotContain("Musk", played.Text);
    }
}
