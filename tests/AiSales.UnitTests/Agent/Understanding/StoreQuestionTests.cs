using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class StoreQuestionTests
{
    [Theory]
    [InlineData("كم التوصيل؟", StoreTopic.Delivery)]
    [InlineData("كم الشحن", StoreTopic.Delivery)]
    [InlineData("توصلون جدة؟", StoreTopic.Delivery)]
    [InlineData("كم ياخذ التوصيل", StoreTopic.Delivery)]
    [InlineData("متى يوصل", StoreTopic.Delivery)]
    [InlineData("كم يوم يوصل للرياض", StoreTopic.Delivery)]
    [InlineData("فيه توصيل؟", StoreTopic.Delivery)]
    [InlineData("الشحن بكام", StoreTopic.Delivery)]
    [InlineData("بتوصلو على عمان؟", StoreTopic.Delivery)]
    [InlineData("شكد التوصيل", StoreTopic.Delivery)]
    [InlineData("شحال التوصيل", StoreTopic.Delivery)]
    [InlineData("رسوم التوصيل كم", StoreTopic.Delivery)]
    [InlineData("how much is delivery", StoreTopic.Delivery)]
    [InlineData("do you ship to Dubai", StoreTopic.Delivery)]
    [InlineData("how long does shipping take", StoreTopic.Delivery)]
    [InlineData("delivery fees?", StoreTopic.Delivery)]
    [InlineData("kam el tawseel", StoreTopic.Delivery)]
    [InlineData("سياسة الارجاع", StoreTopic.Returns)]
    [InlineData("اقدر ارجعه؟", StoreTopic.Returns)]
    [InlineData("فيه استرجاع؟", StoreTopic.Returns)]
    [InlineData("ينفع ابدله", StoreTopic.Returns)]
    [InlineData("الاستبدال كيف", StoreTopic.Returns)]
    [InlineData("ترجيع المنتج", StoreTopic.Returns)]
    [InlineData("can I return it", StoreTopic.Returns)]
    [InlineData("refund policy", StoreTopic.Returns)]
    [InlineData("exchange?", StoreTopic.Returns)]
    [InlineData("طرق الدفع", StoreTopic.Payment)]
    [InlineData("فيه دفع عند الاستلام؟", StoreTopic.Payment)]
    [InlineData("ادفع كاش؟", StoreTopic.Payment)]
    [InlineData("تقبلون مدى", StoreTopic.Payment)]
    [InlineData("فيه تابي؟", StoreTopic.Payment)]
    [InlineData("الدفع ازاي", StoreTopic.Payment)]
    [InlineData("كيفاش نخلص", StoreTopic.Payment)]
    [InlineData("COD available?", StoreTopic.Payment)]
    [InlineData("cash on delivery?", StoreTopic.Payment)]
    [InlineData("can I pay by card", StoreTopic.Payment)]
    [InlineData("apple pay?", StoreTopic.Payment)]
    [InlineData("متى تفتحون", StoreTopic.Hours)]
    [InlineData("الدوام متى", StoreTopic.Hours)]
    [InlineData("ساعات العمل", StoreTopic.Hours)]
    [InlineData("مواعيدكم", StoreTopic.Hours)]
    [InlineData("فاتحين الحين؟", StoreTopic.Hours)]
    [InlineData("فوقاش كتحلو", StoreTopic.Hours)]
    [InlineData("are you open", StoreTopic.Hours)]
    [InlineData("opening hours?", StoreTopic.Hours)]
    [InlineData("وين موقعكم", StoreTopic.Location)]
    [InlineData("وين محلكم", StoreTopic.Location)]
    [InlineData("عنوانكم", StoreTopic.Location)]
    [InlineData("فين المحل", StoreTopic.Location)]
    [InlineData("وين العنوان؟", StoreTopic.Location)]
    [InlineData("ارسل اللوكيشن", StoreTopic.Location)]
    [InlineData("where are you located", StoreTopic.Location)]
    [InlineData("location?", StoreTopic.Location)]
    public void ReadsTheShopQuestion(string text, StoreTopic topic)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.Equal(topic, reading.Topic);
        Assert.False(reading.Has(Act.Buy));
        Assert.False(reading.Has(Act.GiveAddress));
    }

    [Theory]
    [InlineData("كم التوصيل؟")]
    [InlineData("how much is delivery")]
    [InlineData("الشحن بكام")]
    [InlineData("فيه توصيل؟")]
    [InlineData("عندكم دفع عند الاستلام؟")]
    public void AShopFeeIsNotAProductPriceOrStockQuestion(string text)
    {
        var reading = Read.Message(text);
        Assert.False(reading.Has(Act.AskPrice), Read.Describe(reading));
        Assert.False(reading.Has(Act.AskAvailability), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void AProductPriceAndDeliveryInOneMessageAreBothRead()
    {
        var reading = Read.Message("كم سعر الشنطة وكم التوصيل");
        Assert.True(reading.Has(Act.AskPrice) && reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.Equal(StoreTopic.Delivery, reading.Topic);
        Assert.Equal("شنطه", reading.ProductQuery);
    }

    [Fact]
    public void AnOrderAndADeliveryQuestionAreBothRead()
    {
        var reading = Read.Message("ابغى اطلب العطر، كم ياخذ التوصيل؟");
        Assert.True(reading.Has(Act.Buy) && reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.Equal("عطر", reading.ProductQuery);
    }
}
