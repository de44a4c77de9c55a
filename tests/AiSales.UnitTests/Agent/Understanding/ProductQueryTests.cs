using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>What is left for the catalogue search once intent, quantity, colour, size, ordinal and courtesy words are read.</summary>
public sealed class ProductQueryTests
{
    [Theory]
    [InlineData("ابغى عطر", "عطر")]
    [InlineData("عايز شنطة جلد بني، بكام؟", "شنطه جلد")]
    [InlineData("ابي ٢ من الشنطة السودا لو سمحت", "شنطه")]
    [InlineData("السلام عليكم، عندكم عطر عود؟", "عطر عود")]
    [InlineData("هلا، ابغى القفطان الأحمر مقاس L", "قفطان")]
    [InlineData("بكم الفستان الازرق؟", "فستان")]
    [InlineData("قديش حق الساعة؟", "ساعه")]
    [InlineData("شكد سعر العباية", "عبايه")]
    [InlineData("بشحال القفطان عافاك", "قفطان")]
    [InlineData("واش عندكم الجلابة دابا", "جلابه")]
    [InlineData("عندكو جزمة سودا مقاس 42", "جزمه")]
    [InlineData("بدي فستان سهرة كتير حلو", "فستان سهره")] // «حلو» (nice) names no product
    [InlineData("do you have a black leather bag?", "leather bag")]
    [InlineData("hw much is the oud perfume pls", "oud perfume")]
    [InlineData("I want 2 white t-shirts size M", "shirts")]
    [InlineData("gimme the red dress", "dress")]
    [InlineData("3ndkom shanta sooda?", "شنطه")]
    [InlineData("abgha 3tr", "عطر")]
    [InlineData("ابغى عطر 100 مل", "عطر 100 مل")]
    [InlineData("القفطان", "قفطان")]
    [InlineData("شنطة", "شنطه")]
    [InlineData("iphone case", "iphone case")]
    public void LeavesTheProductWords(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);

    [Theory]
    [InlineData("شكرا")]
    [InlineData("thank you 🙏")]
    [InlineData("نعم")]
    [InlineData("بكم؟")]
    [InlineData("كم التوصيل")]
    [InlineData("الثانية")]
    [InlineData("ابي حبتين")]
    [InlineData("وش الالوان")]
    [InlineData("لا")]
    [InlineData("how much?")]
    [InlineData("ابغى الاسود")]
    [InlineData("😍😍")]
    [InlineData("")]
    [InlineData("   ")]
    public void LeavesNothingWhenNoProductIsNamed(string text) => Assert.Equal("", Read.Message(text).ProductQuery);

    [Theory]
    [InlineData("ابغى عطر الورد", "عطر ورد")]
    [InlineData("الشماغ الأحمر", "شماغ")]
    [InlineData("ابي الساعه", "ساعه")]
    public void StripsTheArticleLikeTheDatabaseSearchExpects(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);
}
