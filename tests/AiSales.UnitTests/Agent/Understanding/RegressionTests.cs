using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Messages that once read wrong, kept so they stay right.</summary>
public sealed class RegressionTests
{
    [Theory]
    [InlineData("كم تاخذون على التوصيل لجدة", "StoreQuestion")]
    [InlineData("هل في توصيل لعمان؟", "StoreQuestion")]
    [InlineData("بكم الشحن للكويت", "StoreQuestion")]
    [InlineData("is delivery free?", "StoreQuestion")]
    [InlineData("pls send me ur location", "StoreQuestion")]
    [InlineData("عطر شانيل كم سعره وكم التوصيل للدمام", "AskPrice,StoreQuestion")]
    [InlineData("ثلاث حبات من المسك لو سمحت", "Buy")]
    [InlineData("1 عطر و 2 شنطة", "Buy")]
    [InlineData("ابغى ارجع الشنطة", "StoreQuestion")]
    [InlineData("ممكن تحجزلي وحدة؟", "Buy")]
    [InlineData("وين طلبي؟", "ShowOrder")]
    [InlineData("ابي اشوف طلبي", "ShowOrder")]
    [InlineData("ابي اشوف العطور اللي عندكم", "AskAvailability")]
    [InlineData("can I see more photos", "AskAvailability")]
    [InlineData("what's the difference between the two", "")]
    [InlineData("ابغى اغير العنوان", "")]
    [InlineData("change to 3", "ChangeQuantity")]
    [InlineData("ابي اغير الكمية ل ٣", "ChangeQuantity")]
    [InlineData("tell me more", "")]
    [InlineData("مافي مشكلة", "Courtesy")]
    [InlineData("ok ok thanks", "Courtesy")]
    [InlineData("اي لون عندكم", "AskAvailability")]
    public void ReadsExactly(string text, string acts)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
    }

    [Theory]
    [InlineData("3awez a3raf el s3r", "")]
    [InlineData("kam 7aga 3ndko", "")]
    [InlineData("hi, my order number is 12345", "12345")]
    [InlineData("ابي اشوف العطور اللي عندكم", "عطور")]
    [InlineData("ممكن صور للشنطة؟", "شنطه")]
    [InlineData("I need it by tomorrow", "")]
    public void LeavesOnlyProductWords(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);

    [Fact]
    public void AnArticleReadAsALetterIsNotASize() => Assert.Empty(Read.Message("3awez a3raf el s3r").Sizes);
}
