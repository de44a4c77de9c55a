using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class ColourAndSizeTests
{
    [Theory]
    [InlineData("اسود", "black")]
    [InlineData("سودا", "black")]
    [InlineData("سوداء", "black")]
    [InlineData("السوده", "black")]
    [InlineData("السودة", "black")]
    [InlineData("الأسود", "black")]
    [InlineData("بالاسود", "black")]
    [InlineData("ابيض", "white")]
    [InlineData("بيضا", "white")]
    [InlineData("البيضاء", "white")]
    [InlineData("بني", "brown")]
    [InlineData("احمر", "red")]
    [InlineData("حمرا", "red")]
    [InlineData("ازرق", "blue")]
    [InlineData("زرقا", "blue")]
    [InlineData("اخضر", "green")]
    [InlineData("خضرا", "green")]
    [InlineData("رمادي", "grey")]
    [InlineData("رصاصي", "grey")]
    [InlineData("وردي", "pink")]
    [InlineData("زهري", "pink")]
    [InlineData("ذهبي", "gold")]
    [InlineData("فضي", "silver")]
    [InlineData("بيج", "beige")]
    [InlineData("كحلي", "navy")]
    [InlineData("بنفسجي", "purple")]
    [InlineData("موف", "purple")]
    [InlineData("اصفر", "yellow")]
    [InlineData("صفرا", "yellow")]
    [InlineData("برتقالي", "orange")]
    [InlineData("black", "black")]
    [InlineData("gray", "grey")]
    [InlineData("golden", "gold")]
    [InlineData("الشفاف", "clear")]
    [InlineData("transparent", "clear")]
    [InlineData("violet", "purple")]
    public void KnowsEachColourWord(string word, string key) => Assert.Equal(key, Colours.Key(TextFolding.Fold(word)));

    [Theory]
    [InlineData("بنت")]
    [InlineData("سودان")]
    [InlineData("book")]
    [InlineData("بيت")]
    public void OtherWordsAreNotColours(string word) => Assert.Null(Colours.Key(TextFolding.Fold(word)));

    [Theory]
    [InlineData("black", "سوداء")]
    [InlineData("black", "اسود")]
    [InlineData("black", "السوداء")]
    [InlineData("white", "بيضاء")]
    [InlineData("grey", "رصاصي")]
    [InlineData("navy", "navy blue")]
    public void ListsTheFormsAProductNameMayUse(string key, string form) => Assert.Contains(TextFolding.Fold(form), Colours.SurfaceForms(key));

    [Fact]
    public void EveryColourHasArabicAndEnglishForms()
    {
        foreach (var key in Colours.Keys)
        {
            Assert.Contains(Colours.SurfaceForms(key), TextFolding.IsArabicScript);
            Assert.Contains(key, Colours.SurfaceForms(key));
        }
    }

    [Theory]
    [InlineData("ابغى الشنطة السودا والبيضا", "black,white")]
    [InlineData("navy blue abaya", "navy")]
    [InlineData("عندكم احمر او وردي", "red,pink")]
    [InlineData("3ndkom shanta sooda", "black")]
    [InlineData("abi a7mar", "red")]
    public void ReadsColoursInAMessage(string text, string keys) => Assert.Equal(keys.Split(','), Read.Message(text).Colours);

    [Theory]
    [InlineData("مقاس 42", "42")]
    [InlineData("مقاس ٤٠", "40")]
    [InlineData("size 38", "38")]
    [InlineData("ابي 44", "44")]
    [InlineData("size m", "m")]
    [InlineData("مقاس L", "l")]
    [InlineData("xl", "xl")]
    [InlineData("XXL", "xxl")]
    [InlineData("2xl", "xxl")]
    [InlineData("اكس لارج", "xl")]
    [InlineData("small", "s")]
    [InlineData("medium please", "m")]
    [InlineData("large", "l")]
    [InlineData("صغير", "s")]
    [InlineData("الحجم الكبير", "l")]
    [InlineData("وسط", "m")]
    [InlineData("ابي مقاس وسط", "m")]
    [InlineData("xs", "xs")]
    [InlineData("M", "m")]
    public void ReadsSizes(string text, string size)
    {
        var reading = Read.Message(text);
        Assert.Equal([size], reading.Sizes);
        Assert.Null(reading.Quantity);
    }

    [Theory]
    [InlineData("I'm looking for a bag")]
    [InlineData("what's the price")]
    [InlineData("ابي 3")]
    [InlineData("عطر 100 مل")]
    public void OtherLettersAndNumbersAreNotSizes(string text) => Assert.Empty(Read.Message(text).Sizes);

    [Fact]
    public void AGivenSizeIsNotASizeQuestion()
    {
        var reading = Read.Message("عندكم مقاس 42؟");
        Assert.False(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.True(reading.Has(Act.AskAvailability));
        Assert.Equal(["42"], reading.Sizes);
    }
}
