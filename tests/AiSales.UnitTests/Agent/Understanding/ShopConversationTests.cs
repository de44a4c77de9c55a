using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class ShopConversationTests
{
    [Theory]
    [InlineData("السلام عليكم ورحمة الله، عندكم توصيل للخبر؟ وكم سعر عطر العود؟", "Greeting,AskPrice,StoreQuestion")]
    [InlineData("ابي اطلب ٢ عطر عود و ١ بخور", "Buy")]
    [InlineData("عندكم مقاسات كبيرة؟", "AskAvailability")]
    [InlineData("المقاس ٤٢ موجود؟", "AskAvailability")]
    [InlineData("اللون الاسود متوفر؟", "AskAvailability")]
    [InlineData("هذا كم؟", "AskPrice")]
    [InlineData("كم؟", "AskPrice")]
    [InlineData("الشنطة دي بكام يا فندم", "AskPrice")]
    [InlineData("لو سمحت عايز اعرف مواعيدكم", "StoreQuestion")]
    [InlineData("ابي اكمل الطلب", "Buy")]
    [InlineData("لا شكرا بس كنت اسأل", "Deny")]
    [InlineData("شكرا الطلب وصل", "Courtesy")]
    [InlineData("ابي اكلم المدير عندي شكوى", "Handoff")]
    public void ReadsExactly(string text, string acts)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
    }

    [Theory]
    [InlineData("ابي اكمل الطلب", "")]
    [InlineData("لا شكرا بس كنت اسأل", "")]
    [InlineData("ابي اللي بالصورة", "")]
    [InlineData("ابغى هدية لزوجتي", "هديه لزوجتي")]
    public void LeavesOnlyProductWords(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);

    [Theory]
    [InlineData("الثانية بس ٣ حبات", 2, 3)]
    [InlineData("ابي ٢", 2, null)]
    public void ReadsAPickWithItsQuantity(string text, int choice, int? quantity)
    {
        var reading = Read.Message(text, Awaiting.Choice, 3);
        Assert.Equal(choice, reading.Choice);
        Assert.Equal(quantity, reading.Quantity);
    }

    [Fact]
    public void AConfirmationCanCarryANewAddress()
    {
        var reading = Read.Message("اكيد، العنوان الرياض حي الملقا", Awaiting.Confirmation);
        Assert.True(reading.Has(Act.Confirm) && reading.Has(Act.GiveAddress), Read.Describe(reading));
        Assert.Equal("الرياض حي الملقا", reading.Address);
    }
}
