using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("أبغى", "ابغي")]
    [InlineData("إسمي", "اسمي")]
    [InlineData("آسف", "اسف")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("شنطة", "شنطه")]
    [InlineData("مسؤول", "مسوول")]
    [InlineData("رئيس", "رييس")]
    [InlineData("مَرْحَبًا", "مرحبا")]
    [InlineData("شـــكرا", "شكرا")]
    [InlineData("شكراااا", "شكرا")]
    [InlineData("هلااا والله", "هلا والله")]
    [InlineData("thanksss", "thanks")]
    [InlineData("Thank YOU!!!", "thank you")]
    [InlineData("soooo gooood", "so god")]
    [InlineData("xxxl", "xxxl")]
    [InlineData("٢ حبة", "2 حبه")]
    [InlineData("٢حبة", "2 حبه")]
    [InlineData("۳ تا", "3 تا")]
    [InlineData("٠٥٠١٢٣٤٥٦٧", "0501234567")]
    [InlineData("بكم؟", "بكم")]
    [InlineData("hi, how much?", "hi how much")]
    [InlineData("I'll take it", "ill take it")]
    [InlineData("what’s the price", "whats the price")]
    [InlineData("شكرا👍", "شكرا 👍")]
    [InlineData("❤️❤️", "❤ ❤")]
    [InlineData("👍🏻", "👍")]
    [InlineData("  مرحبا   يا  ", "مرحبا يا")]
    [InlineData("العنوان: الرياض، حي النرجس", "العنوان الرياض حي النرجس")]
    [InlineData("x3", "x3")]
    [InlineData("3ndkom", "3ndkom")]
    [InlineData("1000", "1000")]
    [InlineData("", "")]
    public void FoldsSpellingVariantsToOneForm(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Theory]
    [InlineData("ابغى شنطه سودا", 3)]
    [InlineData("hi how much", 3)]
    [InlineData("شكرا 👍", 2)]
    [InlineData("", 0)]
    public void SplitsFoldedTextIntoTokens(string folded, int count) => Assert.Equal(count, TextFolding.Tokens(folded).Count);

    [Theory]
    [InlineData("مرحبا", true)]
    [InlineData("hi مرحبا", true)]
    [InlineData("hello", false)]
    [InlineData("3ndkom shanta", false)]
    [InlineData("123", false)]
    [InlineData("👍", false)]
    public void TellsArabicScriptApart(string text, bool arabic) => Assert.Equal(arabic, TextFolding.IsArabicScript(text));
}
