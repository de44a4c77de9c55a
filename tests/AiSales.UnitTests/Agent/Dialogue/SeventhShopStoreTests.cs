using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Knowledge;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// Shop questions and product details a seventh shop written blind (dates and sweets in Jeddah) found answered wrongly: a service the entry
/// names beside a topic it also mentions, a question asked beside a sentence with a capitalised word, a city of another country, what is
/// inside a product, and a wish after an availability question.
/// </summary>
public sealed class SeventhShopStoreTests
{
    private static readonly FaqEntry[] s_faq =
    [
        new("كم رسوم التوصيل؟", "التوصيل داخل جدة 25 ريال. مكة والطائف 40 ريال. باقي مدن المملكة بالشحن 50 ريال."),
        new("متى يوصل الطلب؟ التوصيل نفس اليوم", "الطلبات داخل جدة قبل الساعة 4 العصر توصل نفس اليوم."),
        new("أوقات الدوام", "من السبت للخميس من 9 الصبح لين 12 بالليل، ويوم الجمعة من 4 العصر لين 12 بالليل."),
        new("الاستلام من المحل", "تقدر تستلم طلبك من المحل بعد ساعتين من الطلب، بدون رسوم توصيل."),
        new("طباعة الأسماء على العلب", "نطبع الاسم أو التاريخ على العلب والتوزيعات، الطباعة 3 ريال للعلبة وتحتاج 3 أيام عمل."),
        new("Corporate and bulk orders", "Corporate orders get special prices; our sales team will send you a quote within one working day."),
    ];

    private static object? Faq(string tool, Dictionary<string, object?> args) => tool == Tools.StoreInfo
        ? FaqMatcher.Answers(s_faq, (string)args["question"]!).Select(m => new FaqAnswer(m.Entry.Question, m.Entry.Answer, m.Score)).ToArray()
        : tool == Tools.TransferToHuman ? "ok" : null;

    [Fact]
    public void PickingUpIsAnsweredByThePickupEntryThatAlsoMentionsDelivery()
    {
        var played = Play(Turn("متى تفتحون يوم الجمعة؟ واقدر استلم من المحل؟"), Faq);

        Assert.Contains("4 العصر", played.Text);
        Assert.Contains("ساعتين", played.Text);
        Assert.DoesNotContain(Tools.TransferToHuman, played.Tools);
    }

    [Fact]
    public void PrintingNamesIsAnsweredFromItsEntry()
    {
        var played = Play(Turn("تقدرون تكتبون اسم العريس والعروسة على علب التوزيعات؟ وكم تاخذ وقت؟"), Faq);

        Assert.Contains("نطبع", played.Text);
        Assert.DoesNotContain(Tools.TransferToHuman, played.Tools);
    }

    [Fact]
    public void AQuestionBesideASentenceWithACapitalisedWordIsStillAnswered()
    {
        var played = Play(Turn("Hi, we're a company and need around 200 chocolate boxes for our staff for Eid. Do you do corporate orders?"), Faq);

        Assert.Contains("quote", played.Text);
        Assert.DoesNotContain(Tools.TransferToHuman, played.Tools);
    }

    [Fact]
    public void ACityOfAnotherCountryIsNotTheRestOfTheKingdom()
    {
        var played = Play(Turn("توصلون دبي؟"), Faq);

        Assert.Contains(Tools.TransferToHuman, played.Tools);
        Assert.DoesNotContain("25 ريال", played.Text);
    }

    [Theory]
    [InlineData("توصلون دبي؟", false)]
    [InlineData("do you deliver to Doha?", false)]
    [InlineData("توصلون الدمام؟", true)]
    [InlineData("توصلون جدة؟", true)]
    public void TheRestOfACountryCoversItsOwnCitiesOnly(string question, bool covered) =>
        Assert.Equal(covered, Places.Covered("التوصيل داخل جدة 25 ريال، مكة 40 ريال، باقي مدن المملكة 50 ريال.", question));

    [Fact]
    public void WhatIsInsideIsAnsweredFromTheDescription()
    {
        var dates = Product("Chocolate-Coated Dates, 24 pcs | تمر مغطى بالشوكولاتة 24 حبة", 74m,
            description: "تمر مغطى بالشوكولاتة الداكنة والحليب، محشي لوز أو قشر برتقال، علبة 24 حبة. Dates coated in chocolate, filled with almond or orange peel.");
        var played = Play(Turn("التمر المغطى بالشوكولاتة إيش حشوته؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { dates } : null);

        Assert.Contains("لوز", played.Text);
        Assert.Contains("برتقال", played.Text);
        Assert.DoesNotContain("filled", played.Text);
        Assert.DoesNotContain(Tools.AddToOrder, played.Tools);
    }

    [Fact]
    public void AWishAfterAnAvailabilityQuestionAddsTheProduct()
    {
        var half = Product("Ajwa Dates 500 g | تمر عجوة 500 جرام", 55m);
        var kilo = Product("Ajwa Dates 1 kg | تمر عجوة 1 كيلو", 105m);
        var played = Play(Turn("عندكم عجوة؟ ابي نص كيلو"), (tool, args) => tool switch
        {
            Tools.SearchProducts => new[] { kilo, half },
            Tools.AddToOrder => Order(lines: (half, 1)),
            _ => null,
        });

        Assert.Equal(half.ProductId.ToString(), played.Argument(Tools.AddToOrder, "product"));
    }
}
