using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Chat English with its misspellings, and whole conversations typed in Arabizi.</summary>
public sealed class TypoAndArabiziTests
{
    [Theory]
    [InlineData("how mutch", "AskPrice", "")]
    [InlineData("hw much 4 the bag", "AskPrice", "bag")]
    [InlineData("do u hve this in blk", "AskAvailability", "")]
    [InlineData("i wnt 2", "Buy", "")]
    [InlineData("thnks", "Courtesy", "")]
    [InlineData("pls cancle my ordr", "Cancel", "")]
    [InlineData("wanna buy perfum", "Buy", "perfum")]
    [InlineData("gimmie 2", "Buy", "")]
    [InlineData("helo", "Greeting", "")]
    [InlineData("wat colours", "AskAttribute", "")]
    [InlineData("is delivry free", "StoreQuestion", "")]
    [InlineData("shiping cost?", "StoreQuestion", "")]
    [InlineData("plz send me 3 pcs", "Buy", "")]
    [InlineData("whats the prise", "AskPrice", "")]
    [InlineData("hi hw much is the oud pls", "Greeting,AskPrice", "oud")]
    public void ReadsChatEnglish(string text, string acts, string query)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("salam 3alaikom", "Greeting", "")]
    [InlineData("abgha 3abaya sooda size L", "Buy", "عبايه")]
    [InlineData("wesh as3arkom", "AskPrice", "")]
    [InlineData("kam si3r el 3tr", "AskPrice", "عطر")]
    [InlineData("shukran 7abibi", "Courtesy", "")]
    [InlineData("khaliha 2", "ChangeQuantity", "")]
    [InlineData("sheel el 3tr", "Remove", "عطر")]
    [InlineData("ilghi el talab", "Cancel", "")]
    [InlineData("bdi 2 kanzat", "Buy", "كنزت")]
    [InlineData("3ayez ashtri 2 tshirt", "Buy", "تشيرت")]
    [InlineData("3ndkom delivery?", "StoreQuestion", "")]
    public void ReadsArabizi(string text, string acts, string query)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void ReadsAnArabiziOrderWithItsValues()
    {
        var reading = Read.Message("abgha 3abaya sooda size L");
        Assert.Equal(["black"], reading.Colours);
        Assert.Equal(["l"], reading.Sizes);
    }

    [Theory]
    [InlineData("aywa akeed", Awaiting.Confirmation, Act.Confirm)]
    [InlineData("la mo al7een", Awaiting.Confirmation, Act.Deny)]
    [InlineData("ismi sara", Awaiting.Name, Act.GiveName)]
    [InlineData("ana sara", Awaiting.Name, Act.GiveName)]
    public void ReadsArabiziAnswers(string text, Awaiting awaiting, Act act) => Assert.True(Read.Message(text, awaiting).Has(act));

    [Fact]
    public void AnArabiziNameKeepsItsLatinSpelling() => Assert.Equal("sara", Read.Message("ismi sara").Name);

    [Theory]
    [InlineData("ابغاااا عطر", "Buy", "عطر")]
    [InlineData("كم سعرهاااا؟", "AskPrice", "")]
    [InlineData("ابغى ٣ من هذا 👍", "Courtesy,Buy", "")]
    [InlineData("بكم ال٣ حبات", "AskPrice", "")]
    [InlineData("هلااااا", "Greeting", "")]
    public void ReadsStretchedArabic(string text, string acts, string query)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
        Assert.Equal(query, reading.ProductQuery);
    }
}
