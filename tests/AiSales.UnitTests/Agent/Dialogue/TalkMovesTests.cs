using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>Courtesy, greetings, shop questions and handoffs (contract §7).</summary>
public sealed class TalkMovesTests
{
    [Theory]
    [InlineData("شكراً")]
    [InlineData("thank you")]
    [InlineData("👍")]
    [InlineData("ok thanks")]
    [InlineData("مشكور")]
    public void ThanksGetACourteousAnswerWithoutASearchOrAQuestion(string text)
    {
        var confirmed = DialogueState.Empty with { ConfirmedOrder = 1042 };
        var played = Play(Turn(text, confirmed));

        Assert.Empty(played.Calls);
        Assert.DoesNotContain("عنوان", played.Text);
        Assert.DoesNotContain("address", played.Text);
    }

    [Theory]
    [InlineData("I want to speak to the manager", "The customer used a handoff keyword")]
    [InlineData("ابي استرجاع المنتج", "The customer used a handoff keyword")]
    [InlineData("can I talk to a real person?", "The customer asked for a person")]
    [InlineData("ابي اكلم موظف", "The customer asked for a person")]
    public void AHandoffSaysWhetherTheMerchantsKeywordOrTheRequestForAPersonCausedIt(string text, string reason)
    {
        var merchant = Shop with { HandoffKeywords = ["manager", "استرجاع"] };

        var played = Play(Turn(text, merchant: merchant), (_, _) => new { transferred = true });

        Assert.Equal(reason, played.Argument(Tools.TransferToHuman, "reason"));
    }

    [Fact]
    public void AMerchantGreetingInAnotherLanguageGivesWayToTheBuiltInOne()
    {
        var merchant = Shop with { Greeting = "Welcome to Demo Shop!" };

        var arabic = Play(Turn("السلام عليكم", merchant: merchant));
        var english = Play(Turn("hello", merchant: merchant));

        Assert.DoesNotContain("Welcome", arabic.Text);
        Assert.Contains("أهلًا", arabic.Text);
        Assert.Equal("Welcome to Demo Shop!", english.Text);
    }

    [Fact]
    public void AShopQuestionIsAnsweredFromTheFaq()
    {
        var played = Play(Turn("can I pay cash on delivery?"),
            (tool, _) => tool == Tools.StoreInfo ? new[] { new FaqAnswer("Cash on delivery?", "Yes, cash on delivery is available.", 0.9) } : null);

        Assert.Equal("Yes, cash on delivery is available.", played.Text);
    }

    [Fact]
    public void AShopQuestionTheFaqDoesNotAnswerIsHandedOverNotInvented()
    {
        var played = Play(Turn("what is your return policy?"),
            (tool, _) => tool switch { Tools.StoreInfo => Array.Empty<FaqAnswer>(), Tools.TransferToHuman => "ok", _ => null });

        Assert.Equal([Tools.StoreInfo, Tools.StoreInfo, Tools.TransferToHuman], played.Tools);
        Assert.Contains("person", played.Text);
    }

    [Fact]
    public void AnAnswerThatDoesNotMentionWhatTheCustomerNamedIsNoAnswer()
    {
        var riyadh = new FaqAnswer("Delivery?", "Delivery in Riyadh costs 30 SAR.", 0.9);
        var played = Play(Turn("Do you ship to Kuwait?"),
            (tool, _) => tool switch { Tools.StoreInfo => new[] { riyadh }, Tools.TransferToHuman => "ok", _ => null });
        var covered = Play(Turn("how much is delivery to Riyadh?"), (tool, _) => tool == Tools.StoreInfo ? new[] { riyadh } : null);

        Assert.Contains(Tools.TransferToHuman, played.Tools);
        Assert.Equal("Delivery in Riyadh costs 30 SAR.", covered.Text);
    }

    [Theory]
    [InlineData("ابي اكلم موظف")]
    [InlineData("I want to talk to a human")]
    [InlineData("please get the manager")]
    public void AskingForAPersonHandsOver(string text)
    {
        var played = Play(Turn(text), (tool, _) => tool == Tools.TransferToHuman ? "ok" : null);

        Assert.Equal([Tools.TransferToHuman], played.Tools);
    }

    [Theory]
    [InlineData("شكراً", Move.Courtesy)]
    [InlineData("الغي الطلب", Move.Cancel)]
    [InlineData("xyzzy", Move.Search)]
    public void HybridTrustsTheOfflineModelOnlyWithWhatItRecognises(string text, Move move)
    {
        Assert.Equal(move, DialoguePolicy.Decide(Turn(text)));
        Assert.Equal(move != Move.Search, DialoguePolicy.Confidence(move) >= DialoguePolicy.HybridThreshold);
    }
}
