using AiSales.Core.Knowledge;

namespace AiSales.UnitTests.Knowledge;

public sealed class FaqMatcherTests
{
    // One entry per subject in each language, plus one outside the five subjects.
    private static readonly FaqEntry DeliveryAr = new("كم رسوم التوصيل وكم يوم ياخذ؟", "التوصيل داخل الرياض 25 ريال خلال يومين، ولباقي المدن 35 ريال خلال 3-5 أيام.");
    private static readonly FaqEntry ReturnsAr = new("هل أقدر أرجع أو أستبدل المنتج؟", "نعم خلال 7 أيام من الاستلام بشرط الفاتورة.");
    private static readonly FaqEntry PaymentAr = new("وش طرق الدفع؟", "مدى وفيزا وApple Pay، والدفع عند الاستلام متاح برسوم 10 ريال.");
    private static readonly FaqEntry HoursAr = new("متى دوامكم؟", "من السبت إلى الخميس من 10 صباحًا إلى 11 مساءً.");
    private static readonly FaqEntry LocationAr = new("وين موقعكم؟", "الرياض، حي النخيل، بجانب النخيل مول.");
    private static readonly FaqEntry DeliveryEn = new("How much is delivery and how long does it take?", "25 SAR in Riyadh (1–2 days), 35 SAR elsewhere (3–5 days).");
    private static readonly FaqEntry ReturnsEn = new("Can I return or exchange an item?", "Yes, within 7 days with the invoice.");
    private static readonly FaqEntry PaymentEn = new("What payment methods do you accept?", "mada, Visa, Apple Pay; cash on delivery for 10 SAR extra.");
    private static readonly FaqEntry HoursEn = new("What are your opening hours?", "Saturday to Thursday 10 am – 11 pm.");
    private static readonly FaqEntry LocationEn = new("Where are you located?", "Riyadh, Al Nakheel district, next to Nakheel Mall.");
    private static readonly FaqEntry GiftWrap = new("Do you offer gift wrapping?", "Yes, free gift wrapping with a card on request.");

    private static readonly FaqEntry[] Arabic = [DeliveryAr, ReturnsAr, PaymentAr, HoursAr, LocationAr];
    private static readonly FaqEntry[] English = [DeliveryEn, ReturnsEn, PaymentEn, HoursEn, LocationEn, GiftWrap];
    private static readonly FaqEntry[] Both = [.. Arabic, .. English];

    public static TheoryData<string, string> SubjectQuestions => new()
    {
        // delivery
        { "كم ياخذ التوصيل للرياض؟", "delivery" },
        { "كم التوصيل؟", "delivery" },
        { "بكم الشحن لجدة", "delivery" },
        { "توصلون للدمام؟", "delivery" },
        { "متى يوصل الطلب؟", "delivery" },
        { "تشحنون للكويت؟", "delivery" },
        { "عندكم توصيل؟", "delivery" },
        { "كم يوم ياخذ الشحن", "delivery" },
        { "How much is shipping?", "delivery" },
        { "do you deliver to Jeddah?", "delivery" },
        { "How long does delivery take", "delivery" },
        { "Do you ship to Dubai?", "delivery" },
        { "DELIVERY FEES?", "delivery" },
        { "بكام الشحن؟", "delivery" },
        { "الشحن بياخد كام يوم", "delivery" },
        { "قديش التوصيل لعمّان؟", "delivery" },
        { "شكد التوصيل لبغداد", "delivery" },
        { "When will my order arrive?", "delivery" },
        // returns
        { "أقدر أرجع العباية؟", "returns" },
        { "ابي ارجع الطلب", "returns" },
        { "هل فيه استرجاع؟", "returns" },
        { "ممكن استبدال المقاس", "returns" },
        { "ابغى ابدل المقاس", "returns" },
        { "سياسة الإرجاع؟", "returns" },
        { "what is your return policy?", "returns" },
        { "can I get a refund", "returns" },
        { "Can I exchange the size?", "returns" },
        { "ترجعون الفلوس؟", "returns" },
        { "عايز أبدل المقاس", "returns" },
        // payment
        { "can I pay cash on delivery?", "payment" },
        { "Do you accept COD?", "payment" },
        { "do you take Apple Pay", "payment" },
        { "Can I pay by card?", "payment" },
        { "payment methods?", "payment" },
        { "فيه دفع عند الاستلام؟", "payment" },
        { "أقدر أدفع كاش؟", "payment" },
        { "تقبلون مدى؟", "payment" },
        { "الدفع بالبطاقة ممكن؟", "payment" },
        { "فيه تقسيط تابي؟", "payment" },
        { "ادفع نقدا عند الاستلام", "payment" },
        { "ينفع ادفع كاش؟", "payment" },
        { "do you accept Tabby instalments", "payment" },
        // hours
        { "متى تفتحون؟", "hours" },
        { "متى تسكرون اليوم؟", "hours" },
        { "ساعات الدوام؟", "hours" },
        { "انتم مفتوحين الحين؟", "hours" },
        { "الساعة كم تقفلون", "hours" },
        { "What time do you open?", "hours" },
        { "are you open on Friday?", "hours" },
        { "opening hours", "hours" },
        { "When do you close?", "hours" },
        { "يوم الجمعة فاتحين؟", "hours" },
        { "امتى بتفتحوا", "hours" },
        // location
        { "وين موقعكم؟", "location" },
        { "وينكم؟", "location" },
        { "وين المحل؟", "location" },
        { "عنوانكم لو سمحت", "location" },
        { "عندكم فرع في جدة؟", "location" },
        { "فين مكانكم", "location" },
        { "ارسل لي اللوكيشن", "location" },
        { "Where are you?", "location" },
        { "What is your address?", "location" },
        { "where is your shop", "location" },
        { "Do you have a branch in Jeddah?", "location" },
        { "send me your location please", "location" },
        { "عندكم محل؟", "location" },
        { "وين معرضكم بالضبط", "location" },
        { "Do you have a physical store?", "location" },
    };

    [Theory]
    [MemberData(nameof(SubjectQuestions))]
    public void ASubjectQuestionFindsTheArabicEntry(string message, string subject) =>
        AssertBest(Arabic, message, Expected(Arabic, subject));

    [Theory]
    [MemberData(nameof(SubjectQuestions))]
    public void ASubjectQuestionFindsTheEnglishEntry(string message, string subject) =>
        AssertBest(English, message, Expected(English, subject));

    [Theory]
    [MemberData(nameof(SubjectQuestions))]
    public void InABilingualFaqBothEntriesOfTheSubjectLeadTheRanking(string message, string subject)
    {
        var top = FaqMatcher.Rank(Both, message, take: 2);

        Assert.Equal(2, top.Count);
        Assert.All(top, m => Assert.True(m.Answers, $"{m.Entry.Question}: {m.Score}"));
        Assert.Equal(
            new[] { Expected(Arabic, subject), Expected(English, subject) }.OrderBy(e => e.Question),
            top.Select(m => m.Entry).OrderBy(e => e.Question));
    }

    [Theory]
    [InlineData("بكم العباية السوداء؟")]
    [InlineData("عندكم عبايات سوداء؟")]
    [InlineData("ابي اطلب حقيبة حمراء")]
    [InlineData("فيه مقاس 56؟")]
    [InlineData("السلام عليكم")]
    [InlineData("شكرا")]
    [InlineData("👍")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("How much is the black abaya?")]
    [InlineData("Do you have running shoes?")]
    [InlineData("I want two red bags")]
    [InlineData("hello")]
    [InlineData("thanks!")]
    [InlineData("where is my order?")]
    [InlineData("وين طلبي؟")]
    [InlineData("is the perfume original?")]
    [InlineData("هل العطر أصلي؟")]
    [InlineData("do you have it in size 54?")]
    [InlineData("أبي أكلم موظف")]
    public void AQuestionTheFaqDoesNotCoverHasNoAnswer(string message)
    {
        Assert.Empty(FaqMatcher.Answers(Both, message));
        Assert.All(FaqMatcher.Rank(Both, message, take: 20), m => Assert.True(m.Score < FaqMatcher.AnswerThreshold, $"{m.Entry.Question}: {m.Score}"));
    }

    [Theory]
    [InlineData("do you offer gift wrapping?")]
    [InlineData("Gift wrapping available?")]
    [InlineData("can you wrap it as a gift")]
    public void AnEntryOutsideTheSubjectsIsFoundByItsWords(string message) => AssertBest(English, message, GiftWrap);

    [Fact]
    public void CashOnDeliveryIsPaymentNotDelivery()
    {
        var faq = new[] { DeliveryEn, PaymentEn };

        var ranked = FaqMatcher.Rank(faq, "Can I pay cash on delivery?", take: 2);

        Assert.Equal(PaymentEn, ranked[0].Entry);
        Assert.True(ranked[0].Answers);
        Assert.DoesNotContain(ranked, m => m.Entry == DeliveryEn && m.Answers);
    }

    [Fact]
    public void AnEntryThatOnlyMentionsTheSubjectInItsAnswerDoesNotAnswerIt()
    {
        // The payment entry's answer mentions cash on delivery; a delivery question is not answered by it.
        var ranked = FaqMatcher.Rank([PaymentAr, ReturnsEn], "كم ياخذ التوصيل؟", take: 5);

        Assert.DoesNotContain(ranked, m => m.Answers);
    }

    [Theory]
    [InlineData("كم رسوم التوصيل؟", 0)]
    [InlineData("كم يوم ياخذ التوصيل؟", 1)]
    [InlineData("How much is shipping?", 0)]
    [InlineData("How long does shipping take?", 1)]
    public void TheAskedAspectRanksEntriesOfOneSubject(string message, int expected)
    {
        FaqEntry[] faq = [new("Delivery fees", "25 SAR; free over 500 SAR."), new("Delivery times", "1–2 days in Riyadh, 3–5 days elsewhere.")];

        AssertBest(faq, message, faq[expected]);
    }

    [Fact]
    public void SharedWordsRankEntriesOfOneSubject()
    {
        FaqEntry[] faq = [new("التوصيل لجدة", "35 ريال خلال 3 أيام"), new("التوصيل للرياض", "25 ريال خلال يوم")];

        AssertBest(faq, "كم ياخذ التوصيل للرياض؟", faq[1]);
        AssertBest(faq, "توصلون جده؟", faq[0]);
    }

    [Theory]
    [InlineData("كم التوصيل وهل فيه دفع عند الاستلام؟")]
    [InlineData("how much is delivery, and can I pay by card?")]
    public void AMessageWithTwoSubjectsFindsBoth(string message)
    {
        var answers = FaqMatcher.Answers(English, message, take: 5);

        Assert.Contains(answers, m => m.Entry == DeliveryEn);
        Assert.Contains(answers, m => m.Entry == PaymentEn);
    }

    [Theory]
    [InlineData("كَمْ يَأْخُذُ التَّوْصِيلُ؟")]
    [InlineData("كـــم التوصـــيل")]
    [InlineData("كم التوصيلة")]
    [InlineData("إرجاع")]
    [InlineData("الاسترجاع")]
    public void SpellingVariantsAreFolded(string message) =>
        Assert.NotEmpty(FaqMatcher.Answers(Arabic, message));

    [Fact]
    public void ArabicIndicDigitsMatchAsciiDigits()
    {
        FaqEntry[] faq = [new("Do you have size 56?", "Sizes 52 to 60 in every abaya."), new("هل يتوفر مقاس 58؟", "نعم في أغلب العبايات.")];

        AssertBest(faq, "size ٥٦?", faq[0]);
        AssertBest(faq, "مقاس ٥٨", faq[1]);
    }

    [Fact]
    public void RankHonoursTakeAndOrdersByScoreThenFaqOrder()
    {
        FaqEntry[] faq = [DeliveryEn, DeliveryEn with { Question = "Shipping" }, PaymentEn];

        var ranked = FaqMatcher.Rank(faq, "delivery?", take: 1);

        Assert.Single(ranked);
        Assert.Equal(0, ranked[0].Index);
        Assert.Empty(FaqMatcher.Rank(faq, "delivery?", take: 0));
        Assert.Empty(FaqMatcher.Rank([], "delivery?"));
    }

    [Fact]
    public void ScoresStayBetweenZeroAndOne()
    {
        foreach (var message in SubjectQuestions.Select(row => (string)row[0]))
        {
            Assert.All(FaqMatcher.Rank(Both, message, take: 20), m => Assert.InRange(m.Score, 0.0, 1.0));
        }
    }

    private static FaqEntry Expected(IReadOnlyList<FaqEntry> faq, string subject) => faq[subject switch
    {
        "delivery" => 0,
        "returns" => 1,
        "payment" => 2,
        "hours" => 3,
        _ => 4,
    }];

    private static void AssertBest(IReadOnlyList<FaqEntry> faq, string message, FaqEntry expected)
    {
        var ranked = FaqMatcher.Rank(faq, message, take: 3);
        var explain = string.Join(" | ", ranked.Select(m => $"{m.Entry.Question} = {m.Score}"));
        Assert.True(ranked.Count > 0 && ranked[0].Entry == expected, $"«{message}» → {explain}");
        Assert.True(ranked[0].Answers, $"«{message}» → {explain}");
        Assert.True(ranked.Count < 2 || ranked[1].Score < ranked[0].Score, $"«{message}» tie → {explain}");
    }
}
