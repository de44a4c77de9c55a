using AiSales.Core.Orders;

namespace AiSales.UnitTests.Orders;

public sealed class OrderNoticeTests
{
    [Fact]
    public void TheParametersAreNameNumberTotalAndItemsAndATemplateTakesTheFirstOnes()
    {
        var all = OrderNoticeParameters.For("Sara\n Ahmed", 1042, 749.5m, "SAR", "2 × Black Abaya,\t1 × Bag", "en", 4);
        var two = OrderNoticeParameters.For("Sara", 1042, 749.5m, "SAR", null, "en", 2);

        Assert.Equal(["Sara Ahmed", "1042", "749.50 SAR", "2 × Black Abaya, 1 × Bag"], all);
        Assert.Equal(["Sara", "1042"], two);
    }

    [Theory]
    [InlineData("ar", "عميلنا العزيز")]
    [InlineData("en_US", "there")]
    public void AMissingNameIsNeverEmpty(string language, string expected) =>
        Assert.Equal(expected, OrderNoticeParameters.For("  ", 1, 0m, "SAR", null, language, 1).Single());

    [Fact]
    public void ALongItemListIsCutForMeta()
    {
        var items = OrderNoticeParameters.For("x", 1, 1m, "SAR", new string('a', 500), "en", 4)[3];

        Assert.Equal(200, items.Length);
        Assert.EndsWith("…", items);
    }

    [Fact]
    public void ASettingRoundTripsAndAnUnreadableOneIsNotSet()
    {
        var setting = new OrderTemplateSetting("order_confirmed", "en", 3, "Hi {{1}}");

        Assert.Equal(setting, OrderTemplateSetting.FromJson(setting.ToJson().ToJsonString()));
        Assert.Null(OrderTemplateSetting.FromJson(null));
        Assert.Null(OrderTemplateSetting.FromJson("""{"name":""}"""));
        Assert.Null(OrderTemplateSetting.FromJson("""{"name":1,"language":"en"}"""));
        Assert.Null(OrderTemplateSetting.FromJson("not json"));
    }
}
