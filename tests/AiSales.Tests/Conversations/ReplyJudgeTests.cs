namespace AiSales.Tests.Conversations;

/// <summary>The judge itself, without the platform: a wrong judge would pass or fail conversations for nothing.</summary>
public sealed class ReplyJudgeTests
{
    private static readonly ShopData s_shop = ShopData.Load();
    private readonly ReplyJudge _judge = new(s_shop);

    [Theory]
    [InlineData("السعر ٢٥٠ ريال", "250", true)]
    [InlineData("Total: 250.00 SAR", "250", true)]
    [InlineData("Total: 1,280 SAR", "1280", true)]
    [InlineData("Total: 250 SAR", "25", false)]
    [InlineData("Total: 1250 SAR", "250", false)]
    [InlineData("Total: 250.5 SAR", "250", false)]
    [InlineData("Total: 12.5 JOD", "12.500", true)]
    [InlineData("Total: 12.500 JOD", "12.5", true)]
    [InlineData("Total: 12.50 JOD", "12.500", true)]
    [InlineData("Total: 8.000 JOD", "8", true)]
    [InlineData("Total: 12.51 JOD", "12.500", false)]
    [InlineData("Total: 112.500 JOD", "12.500", false)]
    [InlineData("Total: 125,000 IQD", "125000", true)]
    [InlineData("Total: 1,250,000 IQD", "1250000", true)]
    [InlineData("المجموع ٢٥٠٬٠٠٠ دينار", "250000", true)]
    [InlineData("Total: 125,000 IQD", "25000", false)]
    [InlineData("Total: 125,000 IQD", "125", false)]
    [InlineData("عطر مسك ابيض", "عطر مسك أبيض", true)]
    [InlineData("الشنطة البنيّة", "الشنطه البنيه", true)]
    [InlineData("BLACK leather bag", "Black Leather Bag", true)]
    [InlineData("لا، للأسف ما عندنا أحمر", "لا", true)]
    [InlineData("سماعات لاسلكية", "لا", false)]
    [InlineData("100 مل", "مل", true)]
    public void FoldedTextMatchesFactsNotSpelling(string reply, string expected, bool found) =>
        Assert.Equal(found, ReplyJudge.Contains(reply, expected));

    [Theory]
    [InlineData("Here you are:\n• عطر عود ملكي — 250 SAR\nWould you like it?", "english")]
    [InlineData("هذا ما وجدته: Black Leather Bag | شنطة جلد سوداء — 185 SAR", "arabic")]
    [InlineData("تم تأكيد طلبك رقم 12. الإجمالي: 250 SAR", "arabic")]
    [InlineData("OK, 35,000 د.ع", "english")]
    public void ScriptIgnoresProductNamesAndCurrencies(string reply, string script)
    {
        Assert.True(_judge.HasScript(reply, script));
        Assert.False(_judge.HasScript(reply, script == "arabic" ? "english" : "arabic"));
    }

    [Fact]
    public void NumberedListIsReadByPosition()
    {
        var listed = NumberedList.Read("عندنا:\n1. Black Leather Bag | شنطة جلد سوداء — 185\n٢) شنطة جلد بنية — 195\n3️⃣ White Leather Bag 175", s_shop.Products);

        Assert.Equal(["BAG-BLK", "BAG-BRN", "BAG-WHT"], listed.OrderBy(l => l.Key).Select(l => l.Value.Sku));
        Assert.Empty(NumberedList.Read("• Black Leather Bag — 185\n2 × Hand Cream", s_shop.Products));
    }

    [Fact]
    public void ANameSplitsIntoItsLanguagesOnlyAtSpacedSeparators() =>
        Assert.Equal(["USB-C Cable 1m | كيبل تايب سي 1 متر", "USB-C Cable 1m", "كيبل تايب سي 1 متر"],
            NumberedList.Names(new ShopProduct("CBL-C1", "USB-C Cable 1m | كيبل تايب سي 1 متر", "", 39, "AED", 40)));

    [Fact]
    public void ACourteousAnswerNamingHalfOfABilingualProductIsASearch()
    {
        var turn = new ScriptTurn(["merci"], NoProducts: true);
        var none = new Dictionary<int, ShopProduct>();

        Assert.Single(_judge.Judge(turn, "arabic", "هذا ما وجدته: 1. شنطة جلد سوداء — 185 SAR", none));
        Assert.Empty(_judge.Judge(turn, "arabic", "العفو! في الخدمة دائمًا.", none));
    }

    [Fact]
    public void AnEgyptianPoundPriceDoesNotMakeAnArabicReplyEnglish() =>
        Assert.True(_judge.HasScript("تم: 1250 EGP", "arabic"));

    [Fact]
    public void ARecapIsNotAskingAgainButAQuestionIs()
    {
        var turn = new ScriptTurn(["thanks"], NotAsks: ["name", "address"]);

        Assert.Empty(_judge.Judge(turn, "english", "You're welcome! Name: Sam Lee. Address: 14 Olaya St.", new Dictionary<int, ShopProduct>()));
        Assert.Single(_judge.Judge(turn, "english", "Thanks! What is the delivery address?", new Dictionary<int, ShopProduct>()));
    }

    [Theory]
    [InlineData("0505123456", "Sara", true)]
    [InlineData("+966 50 512 3456", "Sara.", true)]
    [InlineData("٠٥٠٥١٢٣٤٥٦", "sara", true)]
    [InlineData("رقمي ٠٥٠٥١٢٣٤٥٦", "Sara", false)]
    [InlineData("my number is 0505123456", "Sara", false)]
    [InlineData("0505123456", "my name is Sara", false)]
    public void OrderDetailsAreStoredWithoutLeadIns(string phone, string name, bool right)
    {
        var order = System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            status = "confirmed", customerName = name, customerPhone = phone, currency = "SAR", total = 250m,
            items = new[] { new { sku = "PRF-OUD", quantity = 1 } },
        });
        var expected = new OrderExpectation(["confirmed"], new() { ["PRF-OUD"] = 1 }, 250m, "SAR", "Sara", Phone: "0505123456");

        Assert.Equal(right, OrderJudge.Judge(expected, order, "966500000000", new Dictionary<int, ShopProduct>()).Count == 0);
    }

    [Fact]
    public void EveryDataFileLoadsAndEveryConversationHasTurns()
    {
        Assert.True(ConversationLibrary.All.Count >= 60, $"{ConversationLibrary.All.Count} conversations");
        Assert.All(ConversationLibrary.All.Values, c =>
        {
            Assert.NotEmpty(c.Turns);
            Assert.Contains(c.Platform, new[] { "whatsapp", "instagram" });
            Assert.Contains(c.Script, new[] { "arabic", "english", "any" });
        });
        Assert.Contains(ConversationLibrary.All.Values, c => c.Platform == "instagram");
    }
}
