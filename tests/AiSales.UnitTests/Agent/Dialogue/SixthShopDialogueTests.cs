using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Knowledge;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What a sixth shop written blind (children's and baby goods in Kuwait) found missing in the dialogue: the product whose ages hold the
/// child's age, "ok 2 please", the faq entry for a question asked beside other sentences, a service the entry never mentions, the
/// colour a product comes in only, and a product's ages from its description.
/// </summary>
public sealed class SixthShopDialogueTests
{
    private static readonly ProductFact Dress2 = Product("Girls' Party Dress, Pink, 2-3 years | فستان بناتي وردي للمناسبات 2-3 سنوات", 14.750m, currency: "KWD");
    private static readonly ProductFact Dress4 = Product("Girls' Party Dress, Pink, 4-5 years | فستان بناتي وردي للمناسبات 4-5 سنوات", 15.750m, stock: 2, currency: "KWD");
    private static readonly ProductFact Body03 = Product("Cotton Bodysuit Set 0-3 months, 3 pcs | طقم بودي قطن 0-3 شهور 3 قطع", 6.500m, currency: "KWD");
    private static readonly ProductFact Body612 = Product("Cotton Bodysuit Set 6-12 months, 3 pcs | طقم بودي قطن 6-12 شهر 3 قطع", 6.500m, currency: "KWD");
    private static readonly ProductFact Pyjamas = Product("Boys' Dinosaur Pyjamas, 3-4 years | بيجامة أولادي ديناصور 3-4 سنوات", 5.250m, currency: "KWD",
        description: "Cotton boys' pyjamas with dinosaurs, blue, size 3-4 years.");
    private static readonly ProductFact RcCar = Product("Remote Control Car | سيارة ريموت كنترول", 11.250m, currency: "KWD",
        description: "سيارة ريموت كنترول بشاحن، لون أحمر، من عمر 8 سنوات. A rechargeable remote control car, red, ages 8 and up.");
    private static readonly ProductFact Seat = Product("Car Seat 9-36 kg | كرسي سيارة 9-36 كغ", 62.750m, currency: "KWD",
        description: "كرسي سيارة للأطفال من 9 الى 36 كغ (من سنة الى 12 سنة) بنظام أيزوفكس، لون أسود. Child car seat for 9 to 36 kg (1 to 12 years) with ISOFIX, black.");

    private static readonly FaqEntry[] s_faq =
    [
        new("متى يوصل الطلب؟", "الطلبات قبل الساعة 2 الظهر توصل نفس اليوم، وبعدها توصل ثاني يوم."),
        new("How long does delivery take?", "Orders placed before 2 pm are delivered the same day, later ones the next day."),
        new("تغليف الهدايا", "نغلف الهدية مجاناً مع كرت إهداء، بس اكتبوا لنا وقت الطلب."),
        new("Warranty on strollers and car seats", "Strollers and car seats have a one-year warranty from the agent against manufacturing defects."),
    ];

    private static object? Faq(string tool, Dictionary<string, object?> args) => tool == Tools.StoreInfo
        ? FaqMatcher.Answers(s_faq, (string)args["question"]!).Select(m => new FaqAnswer(m.Entry.Question, m.Entry.Answer, m.Score)).ToArray()
        : tool == Tools.TransferToHuman ? "ok" : null;

    [Theory]
    [InlineData("عندكم فستان بناتي لبنتي عمرها 4 سنوات؟")]
    [InlineData("do you have the party dress for a 5 years old?")]
    public void TheProductWhoseAgesHoldTheChildsAge(string text)
    {
        var played = Play(Turn(text), (tool, _) => tool == Tools.SearchProducts ? new[] { Dress2, Dress4 } : null);

        Assert.Contains("15.750", played.Text);
        Assert.DoesNotContain("14.750", played.Text);
        Assert.Equal(Dress4.ProductId, played.State.Focus);
    }

    [Fact]
    public void TheSetForAnAgeRangeIsBoughtNotListed()
    {
        var played = Play(Turn("ابي طقم بودي قطن مقاس 6-12 شهر"), (tool, _) => tool switch
        {
            Tools.SearchProducts => new[] { Body03, Body612 },
            Tools.AddToOrder => Order(lines: (Body612, 1)),
            _ => null,
        });

        Assert.Equal(Body612.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
        Assert.Equal(1, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void OkAndACountAfterAProductBuysThatMany()
    {
        var state = Shown(Pyjamas) with { Focus = Pyjamas.ProductId };
        var played = Play(Turn("ok 2 please", state, platform: "instagram"), (tool, _) => tool == Tools.AddToOrder ? Order(lines: (Pyjamas, 2)) : null);

        Assert.Equal(2, played.Argument(Tools.AddToOrder, "quantity"));
    }

    [Fact]
    public void AQuestionAskedBesideAnotherSentenceFindsItsEntry()
    {
        var played = Play(Turn("تسوون تغليف هدايا؟ ابي اهديها لبنت اختي"), Faq);

        Assert.Contains("مجاناً", played.Text);
        Assert.DoesNotContain(Tools.TransferToHuman, played.Tools);
    }

    [Theory]
    [InlineData("Do you install the car seat in the car when you deliver it?")]
    [InlineData("تركبون كرسي السيارة لما توصلونه؟")]
    public void AServiceTheEntryNeverMentionsIsHandedOver(string text)
    {
        var played = Play(Turn(text), Faq);

        Assert.Contains(Tools.TransferToHuman, played.Tools);
        Assert.DoesNotContain("2 pm", played.Text);
    }

    [Fact]
    public void NoOtherColourNamesTheOneItComesIn()
    {
        var state = Shown(RcCar) with { Focus = RcCar.ProductId, LastQuery = "سياره ريموت" };
        var played = Play(Turn("فيه لون ثاني؟", state), (tool, _) => tool == Tools.SearchProducts ? new[] { RcCar } : null);

        Assert.Contains("أحمر", played.Text);
    }

    [Fact]
    public void TheAgesAProductSuitsComeFromItsDescription()
    {
        var played = Play(Turn("كرسي السيارة 9-36 لأي عمر؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { Seat } : null);

        Assert.Equal("كرسي سياره 9 36", played.Argument(Tools.SearchProducts, "query"));
        Assert.Contains("12 سنة", played.Text);
    }

    [Theory]
    [InlineData("red", true, "سيارة لون أحمر", "أحمر")]
    [InlineData("pink", true, "متوفر بالوردي", "وردي")]
    [InlineData("grey", false, "رمادي", "grey")]
    public void AColourIsNamedAsTheProductWritesIt(string key, bool arabic, string text, string word) =>
        Assert.Equal(word, Colours.Word(key, arabic, text));
}
