using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What the seventh shop's held-out conversations (dates and sweets in Jeddah) found: two varieties by weight in one message, "the plain
/// one and the mixed one", Arabizi «el kbeera», and "I'm looking for…" as a question.
/// </summary>
public sealed class SeventhShopHeldOutDialogueTests
{
    private static readonly ProductFact Khalas = Product("Khalas Dates 1 kg | تمر خلاص 1 كيلو", 38.75m);
    private static readonly ProductFact Ajwa500 = Product("Ajwa Dates 500 g | تمر عجوة 500 جرام", 55.00m);
    private static readonly ProductFact Ajwa1K = Product("Ajwa Dates 1 kg | تمر عجوة 1 كيلو", 105.00m);
    private static readonly ProductFact DateMaamoul = Product("Date Maamoul Tray 1 kg | صينية معمول تمر 1 كيلو", 78.00m);
    private static readonly ProductFact MixedMaamoul = Product("Mixed Maamoul Tray 1 kg | صينية معمول مشكل 1 كيلو", 112.00m);
    private static readonly ProductFact ChocolateBox = Product("Assorted Chocolate Box, 16 pcs | علبة شوكولاتة مشكلة 16 حبة", 58.00m);

    [Theory]
    [InlineData("ابغى كيلو ونص سكري", 1)]
    [InlineData("أبغى ثلاث كيلو خلاص ونص كيلو عجوة", 2)]
    [InlineData("ابي كيلو ونصف تمر", 1)]
    public void AHalfAfterAKiloIsOneWeightAndBeforeAKiloTheNextProduct(string text, int clauses) => Assert.Equal(clauses, Clauses.Split(text).Count);

    [Fact]
    public void TwoVarietiesByWeightInOneMessageAreEachTheirBoxes()
    {
        var lines = new List<(ProductFact, int)>();
        var played = Play(Turn("أبغى ثلاث كيلو خلاص ونص كيلو عجوة"), (tool, args) => tool switch
        {
            Tools.SearchProducts => ((string)args["query"]!).Contains("عجوه") ? new[] { Ajwa1K, Ajwa500 } : new[] { Khalas },
            Tools.AddToOrder => Add(lines, (string)args["product"]!, (int)args["quantity"]!),
            _ => null,
        });

        Assert.Equal([(Khalas, 3), (Ajwa500, 1)], lines);
        Assert.Contains("171.25", played.Text);
    }

    [Fact]
    public void ThePlainOneAndTheMixedOneAreTwoKindsOfTheSameProduct()
    {
        var played = Play(Turn("وش الفرق بين صينية المعمول العادية والمشكلة؟"), (tool, args) => tool != Tools.SearchProducts ? null
            : ((string)args["query"]!).Contains("مشكله") ? new[] { MixedMaamoul, ChocolateBox }
            : new[] { DateMaamoul, MixedMaamoul });

        Assert.Equal([DateMaamoul.ProductId, MixedMaamoul.ProductId], played.State.Shown.Select(s => s.Id));
        Assert.Contains("78", played.Text);
        Assert.Contains("112", played.Text);
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
    }

    [Fact]
    public void ArabiziBigOnePicksTheLargeTray()
    {
        var small = Product("Baklava Tray, Small 500 g | صينية بقلاوة صغيرة 500 جرام", 64.50m);
        var large = Product("Baklava Tray, Large 1.5 kg | صينية بقلاوة كبيرة 1.5 كيلو", 179.00m);
        var played = Play(Turn("3indkom baklava? abi el kbeera"), (tool, args) => tool switch
        {
            Tools.SearchProducts => new[] { large, small },
            Tools.AddToOrder => Order(lines: (large, 1)),
            _ => null,
        });

        Assert.Equal(large.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }

    [Theory]
    [InlineData("I'm looking for a gift for a newborn baby boy")]
    [InlineData("looking for a school backpack for my daughter, pink if possible")]
    public void LookingForIsAQuestionNeverAnOrderLine(string text)
    {
        var reading = Read(text);

        Assert.True(reading.Has(Act.AskAvailability));
        Assert.DoesNotContain(Act.Buy, reading.Acts);
    }

    [Fact]
    public void AColourInAClauseOfItsOwnQualifiesTheProductAsked()
    {
        var blue = Product("School Backpack, Blue", 12.5m, description: "blue");
        var pink = Product("School Backpack, Pink", 12.5m, description: "pink");
        var played = Play(Turn("Hi! Looking for a school backpack for my daughter, pink if possible"), (tool, args) =>
            tool == Tools.SearchProducts ? (args["colour"] is "pink" ? new[] { pink } : new[] { blue, pink }) : null);

        Assert.True(played.Calls.Count == 1, string.Join(" | ", played.Calls.Select(c => $"{c.Tool} {string.Join(",", c.Arguments.Select(a => $"{a.Key}={a.Value}"))}")));
        Assert.StartsWith(pink.Name, played.Text);
    }

    private static Reading Read(string text) => MessageReader.Read(text, ReadingHints.None);

    private static OrderView Add(List<(ProductFact, int)> lines, string id, int quantity)
    {
        ProductFact[] products = [Khalas, Ajwa500, Ajwa1K];
        lines.Add((products.First(p => p.ProductId.ToString() == id), quantity));
        return Order(lines: [.. lines]);
    }
}
