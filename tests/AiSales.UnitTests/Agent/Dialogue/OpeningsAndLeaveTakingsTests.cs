using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What customers say that names no product (black-box audit): starting, asking for help, asking what the shop sells,
/// leaving to think it over. None of it is a search for a product it does not name.
/// </summary>
public sealed class OpeningsAndLeaveTakingsTests
{
    private static readonly ProductFact Lamp = Product("Desk lamp", 20, currency: "USD");
    private static readonly ProductFact BlackBag = Product("حقيبة جلد سوداء Black leather bag", 250);

    [Theory]
    [InlineData("get started")]
    [InlineData("GET_STARTED")]
    [InlineData("can you help me?")]
    [InlineData("Hi, can you help me please")]
    public void StartingOrAskingForHelpIsGreetedNotSearched(string text)
    {
        var played = Play(Turn(text));

        Assert.Empty(played.Tools);
        Assert.Contains("How can I help", played.Text);
    }

    [Theory]
    [InlineData("let me get back to you", "Have a lovely day")]
    [InlineData("ok I'll think about it", "Have a lovely day")]
    [InlineData("خليني افكر وارجعلك", "في أمان الله")]
    [InlineData("تمام برجعلك", "في أمان الله")]
    public void LeavingToThinkItOverGetsAWarmGoodbyeNotAList(string text, string goodbye)
    {
        var played = Play(Turn(text, Shown(Lamp, BlackBag)));

        Assert.Empty(played.Tools);
        Assert.DoesNotContain("1.", played.Text);
        Assert.Contains(goodbye, played.Text);
    }

    [Theory]
    [InlineData("what do you sell?")]
    [InlineData("Hi! What products do you have?")]
    [InlineData("شو عندكم؟")]
    public void AskingWhatTheShopSellsShowsSomeOfTheCatalogue(string text)
    {
        var queries = new List<object?>();
        var played = Play(Turn(text), (tool, arguments) =>
        {
            queries.Add(arguments.GetValueOrDefault("query"));
            return tool == Tools.SearchProducts ? new[] { Lamp, BlackBag } : null;
        });

        Assert.Equal([Tools.SearchProducts], played.Tools);
        Assert.Equal([""], queries);
        Assert.Contains("1. Desk lamp", played.Text);
        Assert.Contains("2. حقيبة جلد سوداء Black leather bag", played.Text);
        Assert.Equal(Awaiting.Choice, played.State.Awaiting);
    }
}
