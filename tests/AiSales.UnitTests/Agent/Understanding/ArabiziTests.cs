using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class ArabiziTests
{
    [Theory]
    [InlineData("3ndkom shanta sooda?", true)]
    [InlineData("abgha 2", true)]
    [InlineData("bkam?", true)]
    [InlineData("shukran", true)]
    [InlineData("a7mar", true)]
    [InlineData("wesh 3ndkom", true)]
    [InlineData("hi how much is it", false)]
    [InlineData("I want 3 bags", false)]
    [InlineData("x3 please", false)]
    [InlineData("size 2xl", false)]
    [InlineData("100ml perfume", false)]
    [InlineData("the 2nd one", false)]
    [InlineData("ابغى شنطة", false)]
    [InlineData("la", false)]
    [InlineData("hala", false)]
    public void RecognisesLatinScriptArabic(string text, bool looks) => Assert.Equal(looks, Arabizi.Looks(text));

    [Theory]
    [InlineData("3ndkom shanta sooda", "عندكم شنطه سودا")]
    [InlineData("abgha 3tr", "ابغى عطر")]
    [InlineData("bkam", "بكام")]
    [InlineData("aswad", "اسود")]
    [InlineData("sooda", "سودا")]
    [InlineData("ismi", "اسمي")]
    [InlineData("el3nwan", "العنوان")]
    [InlineData("7abibi", "حبيبي")]
    [InlineData("marhaba", "مرحبا")]
    [InlineData("mar7aba", "مرحبا")]
    [InlineData("loon", "لون")]
    public void TransliteratesToArabicForMatching(string text, string arabic) => Assert.Equal(arabic, Arabizi.ToArabic(text));

    [Theory]
    [InlineData("7ad", "حد")]
    [InlineData("3ali", "علي")]
    [InlineData("khobz", "خبز")]
    [InlineData("sa7", "سح")]
    public void SpellsUnknownWordsLetterByLetter(string word, string arabic) => Assert.Equal(arabic, Arabizi.ToArabic(word));
}
