using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Knowledge;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What the kids shop's held-out conversations found: «الصغيرة» among products that differ by a measure when searching, a colour said
/// in a clause of its own, several shop questions in one message, and a product's ages for a yes/no question about a child's age.
/// </summary>
public sealed class SixthShopHeldOutDialogueTests
{
    private static readonly ProductFact Bottle150 = Product("Anti-Colic Bottle 150 ml | رضاعة ضد المغص 150 مل", 3.250m, currency: "KWD");
    private static readonly ProductFact Bottle260 = Product("Anti-Colic Bottle 260 ml | رضاعة ضد المغص 260 مل", 3.750m, currency: "KWD");
    private static readonly ProductFact Doll = Product("Baby Doll with Bottle | دمية بيبي مع رضاعة", 7.500m, stock: 0, currency: "KWD");
    private static readonly ProductFact BagBlue = Product("School Backpack, Blue | شنطة مدرسة ظهر زرقاء", 12.500m, currency: "KWD");
    private static readonly ProductFact BagPink = Product("School Backpack, Pink | شنطة مدرسة ظهر وردية", 12.500m, currency: "KWD");
    private static readonly ProductFact Lego = Product("LEGO Classic Bricks, 500 pcs | ليغو كلاسيك 500 قطعة", 17.500m, currency: "KWD",
        description: "مكعبات ليغو كلاسيك 500 قطعة بألوان مختلفة، من عمر 4 سنوات وفوق. LEGO Classic bricks, 500 pieces in many colours, ages 4 and up.");

    private static readonly FaqEntry[] s_faq =
    [
        new("أوقات الدوام", "من السبت الى الخميس من 10 الصبح الى 10 بالليل، ويوم الجمعة من 4 العصر الى 10 بالليل."),
        new("وين مكانكم؟", "محلنا في السالمية، شارع سالم المبارك."),
        new("بكم التوصيل؟", "التوصيل داخل الكويت 1.500 د.ك."),
    ];

    private static object? Faq(string tool, Dictionary<string, object?> args) => tool == Tools.StoreInfo
        ? FaqMatcher.Answers(s_faq, (string)args["question"]!).Select(m => new FaqAnswer(m.Entry.Question, m.Entry.Answer, m.Score)).ToArray()
        : tool == Tools.TransferToHuman ? "ok" : null;

    [Fact]
    public void TheSmallOneOfProductsThatDifferByAMeasure()
    {
        var played = Play(Turn("بكم الرضاعة الصغيرة؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { Bottle150, Bottle260, Doll } : null);

        Assert.Contains("3.250", played.Text);
        Assert.DoesNotContain("3.750", played.Text);
        Assert.Equal(Bottle150.ProductId, played.State.Focus);
    }

    [Fact]
    public void AColourInAClauseOfItsOwnSaysWhichOfTheOtherClausesProducts()
    {
        var played = Play(Turn("I want a school backpack for my daughter, pink if possible"), (tool, args) => tool switch
        {
            Tools.SearchProducts => (string)args["query"]! == "possible" ? Array.Empty<ProductFact>() : new[] { BagBlue, BagPink },
            Tools.AddToOrder => Order(lines: (BagPink, 1)),
            _ => null,
        });

        Assert.Equal(BagPink.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }

    [Fact]
    public void SeveralShopQuestionsInOneMessageAreEachAnswered()
    {
        var played = Play(Turn("وين محلكم؟ ويوم الجمعة متى تفتحون؟"), Faq);

        Assert.Contains("السالمية", played.Text);
        Assert.Contains("4 العصر", played.Text);
        Assert.DoesNotContain(Tools.TransferToHuman, played.Tools);
    }

    [Fact]
    public void AQuestionTheFaqCannotAnswerBesideOneItCanStillGoesToAPerson()
    {
        var played = Play(Turn("بكم التوصيل؟ وتقبلون تقسيط؟"), Faq);

        Assert.Contains(Tools.TransferToHuman, played.Tools);
        Assert.Contains("1.500", played.Text);
    }

    [Fact]
    public void AYesNoQuestionAboutAChildsAgeIsAnsweredFromTheDescription()
    {
        var state = Shown(Lego) with { Focus = Lego.ProductId };
        var played = Play(Turn("is it ok for a 3 year old?", state, platform: "instagram"), (tool, _) => tool == Tools.GetProductDetails ? Lego : null);

        Assert.Contains("ages 4 and up", played.Text);
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
    }
}
