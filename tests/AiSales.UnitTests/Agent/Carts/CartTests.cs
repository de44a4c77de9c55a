using AiSales.AiAgent.Agent.Carts;
using AiSales.AiAgent.Agent.Offline.Phrases;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.UnitTests.Agent.Carts;

public sealed class CartTests
{
    [Fact]
    public void MetasOrderPayloadIsReadWithNumbersOrStrings()
    {
        var cart = Cart.FromPayload("""
            {"order": {"catalog_id": "1500", "text": "for my sister",
              "product_items": [
                {"product_retailer_id": "ABY-1", "quantity": "2", "item_price": "300", "currency": "sar"},
                {"product_retailer_id": "BAG-9", "quantity": 1, "item_price": 149.5, "currency": "SAR"}]}}
            """)!;

        Assert.Equal("for my sister", cart.Text);
        Assert.Equal([new CartLine("ABY-1", 2, 300m, "SAR"), new CartLine("BAG-9", 1, 149.5m, "SAR")], cart.Lines);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"interactive": {}}""")]
    [InlineData("""{"order": {"product_items": "nope"}}""")]
    [InlineData("""{"order": {"product_items": [{"quantity": 2}, 7, {"product_retailer_id": "  "}]}}""")]
    public void NoCartInAPayloadWithoutUsableLines(string? payload) => Assert.Null(Cart.FromPayload(payload));

    [Fact]
    public void TheSameSkuTwiceIsOneLineAndAMissingQuantityIsOne()
    {
        var cart = Cart.FromPayload("""
            {"order": {"product_items": [
              {"product_retailer_id": "A"}, {"product_retailer_id": "A", "quantity": "3"}, {"product_retailer_id": "B", "quantity": "-4"}]}}
            """)!;

        Assert.Equal([new CartLine("A", 4, null, null), new CartLine("B", 1, null, null)], cart.Lines);
    }

    private static readonly Guid s_abaya = Guid.NewGuid();

    private static CartResult Result(params CartLineResult[] lines)
    {
        var items = lines.Select(l => l.Added).OfType<OrderLine>().ToList();
        return new CartResult(
            new OrderView(Guid.NewGuid(), 7, "draft", items, items.Sum(i => i.LineTotal), "SAR", null, null, null, "customer_name"), lines);
    }

    [Fact]
    public void OurPriceIsKeptAndTheDifferenceNoted_UnknownAndOutOfStockLinesAreReported_InEnglish()
    {
        var result = Result(
            new CartLineResult(new CartLine("ABY-1", 2, 250m, "SAR"), new OrderLine("ABY-1", "Black Abaya", 300m, 2, 600m, s_abaya)),
            new CartLineResult(new CartLine("NOPE-1", 1, 10m, "SAR"), null, "not_found"),
            new CartLineResult(new CartLine("SCF-0", 1, 35m, "SAR"), null, "out_of_stock", "Red Scarf", 0));

        var text = CartReply.Text(EnglishPhrasebook.Instance, result, phoneNeeded: false, withProgress: true);

        Assert.Equal(s_abaya, result.LastAdded);
        Assert.Contains("Thanks for your cart!", text);
        Assert.Contains("Black Abaya is 300 SAR now (your cart showed 250 SAR)", text);
        Assert.Contains("item NOPE-1 is not in our catalogue", text);
        Assert.Contains("Red Scarf is out of stock", text);
        Assert.Contains("2 × Black Abaya (300 SAR)", text);
        Assert.EndsWith("May I have your name for the order?", text);
    }

    [Fact]
    public void TheSameCartInArabic()
    {
        var result = Result(
            new CartLineResult(new CartLine("ABY-1", 1, 300m, "USD"), new OrderLine("ABY-1", "عباية سوداء", 300m, 1, 300m, s_abaya)),
            new CartLineResult(new CartLine("X1", 1, null, null), null, "not_found"),
            new CartLineResult(new CartLine("X2", 1, null, null), null, "not_found"),
            new CartLineResult(new CartLine("SCF-1", 5, 35m, "SAR"), null, "not_enough_stock", "وشاح أحمر", 2));

        var text = CartReply.Text(ArabicPhrasebook.Instance, result, phoneNeeded: false, withProgress: true);

        Assert.Contains("شكرًا على سلتك!", text);
        Assert.Contains("سعر عباية سوداء الآن 300 SAR (السلة كانت تعرض 300 USD)", text);
        Assert.Contains("المنتجات X1، X2 غير موجودة", text);
        Assert.Contains("باقي 2 فقط من وشاح أحمر", text);
        Assert.Contains("اسمك", text);
    }

    [Fact]
    public void ACartAtOurPricesHasNoNoteAndWithoutProgressNoQuestion()
    {
        var result = Result(new CartLineResult(new CartLine("ABY-1", 1, 300m, "SAR"), new OrderLine("ABY-1", "Black Abaya", 300m, 1, 300m, s_abaya)));

        Assert.Empty(result.PriceChanges);
        Assert.Equal("Thanks for your cart!", CartReply.Text(EnglishPhrasebook.Instance, result, phoneNeeded: false, withProgress: false));
    }
}
