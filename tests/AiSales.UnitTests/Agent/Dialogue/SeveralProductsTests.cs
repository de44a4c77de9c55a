using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>Several products in one message, each with its own count, however the «و» between them is written.</summary>
public sealed class SeveralProductsTests
{
    private static readonly ProductFact PrayerDress = Product("Prayer Dress (Isdal) | إسدال صلاة", 540);
    private static readonly ProductFact BeigeHijab = Product("Beige Chiffon Hijab | طرحة شيفون بيج", 185);

    [Theory]
    [InlineData("عايزة اسدال و2 طرحة شيفون بيج", "عايزة اسدال", "2 طرحة شيفون بيج")]
    [InlineData("ابي عباية و٣ طرح", "ابي عباية", "٣ طرح")]
    [InlineData("ابي عطر عود وكريم يدين", "ابي عطر عود", "كريم يدين")]
    public void AWawGluedToANumberOrAWordStartsTheNextProduct(string text, string first, string second) =>
        Assert.Equal([first, second], Clauses.Split(text));

    [Fact]
    public void EachProductIsAddedWithItsOwnCount()
    {
        var played = Play(Turn("عايزة اسدال و2 طرحة شيفون بيج"), (tool, arguments) => tool switch
        {
            Tools.SearchProducts => (string)arguments["query"]! == "اسدال" ? new[] { PrayerDress } : new[] { BeigeHijab },
            Tools.AddToOrder => (string)arguments["product"]! == PrayerDress.ProductId.ToString()
                ? Order(lines: (PrayerDress, 1))
                : Order(lines: [(PrayerDress, 1), (BeigeHijab, 2)]),
            _ => null,
        });

        Assert.Equal([Tools.SearchProducts, Tools.SearchProducts, Tools.AddToOrder, Tools.AddToOrder], played.Tools);
        Assert.Equal([1, 2], played.Calls.Where(c => c.Tool == Tools.AddToOrder).Select(c => (int)c.Arguments["quantity"]!));
        Assert.Contains("910", played.Text);
    }
}
