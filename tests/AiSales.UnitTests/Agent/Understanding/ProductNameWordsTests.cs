using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Words that belong to a product's name rather than to the message's act: model numbers ("iPhone 15", «شاحن ٢٠ واط»), a
/// delivery word that names what a product does («كيبل شحن»), measures in a Latin-script message ("65W").
/// </summary>
public sealed class ProductNameWordsTests
{
    [Theory]
    [InlineData("عايز كفر ايفون 15", "كفر ايفون 15")]
    [InlineData("الكفر الشفاف بتاع ايفون 15 موجود؟", "كفر ايفون 15")]
    [InlineData("ابي شاحن ٢٠ واط", "شاحن 20 واط")]
    [InlineData("do you have the iPhone 15 case?", "iphone 15 case")]
    [InlineData("ابي كيبل 2 متر", "كيبل 2 متر")]
    public void ANumberInsideAProductNameIsAModelNotAQuantity(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("ابغى ٣ كيبل لايتنج", 3)]
    [InlineData("ابي عدد ٣ كريم", 3)]
    [InlineData("ابي كريم يدين 2 لو سمحت", 2)]
    [InlineData("hand cream 3", 3)]
    [InlineData("only 2 please", 2)]
    [InlineData("ابي كريم يدين، 3", 3)]
    public void ACountBeforeOrAfterTheProductIsStillAQuantity(string text, int quantity) =>
        Assert.Equal(quantity, Read.Message(text).Quantity);

    [Fact]
    public void ANumberAskedForIsAQuantityEvenAfterAProductWord() =>
        Assert.Equal(15, Read.Message("كريم 15", Awaiting.Quantity).Quantity);

    [Theory]
    [InlineData("عندكم كيبلات شحن؟", "كيبلات شحن")]
    [InlineData("ابي قاعدة شحن", "قاعده شحن")]
    [InlineData("عندكم كيبل توصيل؟", "كيبل توصيل")]
    public void ChargingAfterAProductWordIsPartOfTheProductNotADeliveryQuestion(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.False(reading.Has(Act.StoreQuestion));
        Assert.Null(reading.Topic);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("عندكم شحن للكويت؟")]
    [InlineData("كم رسوم شحن الطلب؟")]
    [InlineData("كم الشحن")]
    [InlineData("مدة توصيل الطلب كم؟")]
    public void ShippingAfterAShopWordIsStillADeliveryQuestion(string text) =>
        Assert.Equal(StoreTopic.Delivery, Read.Message(text).Topic);

    [Theory]
    [InlineData("w el 65W charger?", "65w charger")]
    [InlineData("and a 20W charger as well", "20w charger")]
    public void AMeasureWithItsUnitIsEnglishNotArabizi(string text, string query)
    {
        Assert.Equal(query, Read.Message(text).ProductQuery);
        Assert.False(Arabizi.Looks("a 20W charger"));
    }
}
