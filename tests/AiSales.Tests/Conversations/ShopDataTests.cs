namespace AiSales.Tests.Conversations;

/// <summary>The shop files themselves, without the platform: a conversation file names its shop, and a wrong name is a clear error.</summary>
public sealed class ShopDataTests
{
    [Fact]
    public void UnknownShopFileIsAClearError()
    {
        var error = Assert.Throws<InvalidDataException>(() => ShopData.Load("shop-that-does-not-exist.json"));
        Assert.Contains("shop-that-does-not-exist.json", error.Message);
    }

    [Fact]
    public void AFileThatIsNotAShopIsRefused() =>
        Assert.Throws<InvalidDataException>(() => ShopData.Load("gulf.json"));

    [Fact]
    public void EveryConversationFindsItsShopWithTheSuiteVocabulary()
    {
        foreach (var script in ConversationLibrary.All.Values)
        {
            var shop = ShopData.Load(script.Shop);
            Assert.NotEmpty(shop.Products);
            Assert.NotEmpty(shop.Words("handoff"));
            Assert.True(shop.Timing.ReplySeconds > 0, script.Name);
        }
    }
}
