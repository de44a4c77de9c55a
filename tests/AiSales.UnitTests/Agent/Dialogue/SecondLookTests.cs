using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// When the first look finds nothing or the wrong thing: a plural searched again in the singular, a shop question
/// answered from the faq entry on its topic, a service the faq does not cover handed over, a weight from the description.
/// </summary>
public sealed class SecondLookTests
{
    private static readonly ProductFact Small = Product("شاحن جداري 20 واط", 69, description: "لون أبيض");
    private static readonly ProductFact Fast = Product("شاحن جان 65 واط", 159, description: "لون أسود");

    private static readonly FaqAnswer DeliveryTime = new("متى يوصلني الطلب؟", "يوصل خلال يوم إلى يومين.", 0.85);
    private static readonly FaqAnswer Payment = new("طرق الدفع", "نقبل البطاقات والدفع كاش عند الاستلام.", 0.8);
    private static readonly FaqAnswer Address = new("عنوان المحل", "محلنا في دبي، ديرة.", 0.8);

    [Theory]
    [InlineData("شو عندكن شواحن؟", "شاحن")]
    [InlineData("عندكم كيبلات؟", "كيبل")]
    public void APluralThatFindsNothingIsSearchedAgainInTheSingular(string text, string singular)
    {
        var played = Play(Turn(text), (tool, arguments) => tool == Tools.SearchProducts
            ? (string)arguments["query"]! == singular ? new[] { Small, Fast } : Array.Empty<ProductFact>()
            : null);

        Assert.Equal([Tools.SearchProducts, Tools.SearchProducts], played.Tools);
        Assert.Contains("1. شاحن جداري 20 واط", played.Text);
        Assert.Contains("2. شاحن جان 65 واط", played.Text);
    }

    [Fact]
    public void AShopQuestionIsAnsweredByTheEntryOnItsTopicEvenWhenAnotherRanksFirst()
    {
        var played = Play(Turn("فيني ادفع كاش لما يوصلني الطلب؟"), (tool, arguments) => tool == Tools.StoreInfo
            ? (string)arguments["question"]! == "فيني ادفع كاش لما يوصلني الطلب؟" ? new[] { DeliveryTime } : new[] { Payment }
            : null);

        Assert.Equal([Tools.StoreInfo, Tools.StoreInfo], played.Tools);
        Assert.Equal(Payment.Answer, played.Text);
    }

    [Fact]
    public void AServiceTheFaqDoesNotCoverIsNotAnsweredWithAnEntryOnAnotherTopic()
    {
        var played = Play(Turn("تركبون لاصقة الشاشة عندكم في المحل؟"),
            (tool, _) => tool switch { Tools.StoreInfo => new[] { Address }, Tools.TransferToHuman => "ok", _ => null });

        Assert.Equal([Tools.StoreInfo, Tools.TransferToHuman], played.Tools);
        Assert.DoesNotContain("ديرة", played.Text);
    }

    [Fact]
    public void AServiceTheFaqCoversIsAnsweredFromItsEntry()
    {
        var warranty = new FaqAnswer("Warranty", "Chargers and power banks come with a one-year warranty.", 0.6);

        var played = Play(Turn("Does the power bank come with a warranty?"), (tool, _) => tool == Tools.StoreInfo ? new[] { warranty } : null);

        Assert.Equal(warranty.Answer, played.Text);
    }

    [Fact]
    public void AWeightIsAnsweredFromTheDescription()
    {
        var bank = Product("Power Bank 10000mAh", 119, description: "باور بانك، الوزن 210 غرام. 10000 mAh, two ports, black, weighs 210 g.");
        var state = Shown(bank) with { Focus = bank.ProductId };

        var played = Play(Turn("how much does it weigh?", state), (tool, _) => tool == Tools.GetProductDetails ? bank : null);

        Assert.Equal([Tools.GetProductDetails], played.Tools);
        Assert.Contains("210 g", played.Text);
        Assert.DoesNotContain("119", played.Text);
    }

    [Fact]
    public void AnotherColourOfAClearCaseListsTheOtherColoursOfThatModel()
    {
        var clear = Product("كفر ايفون 15 شفاف", 45, stock: 0, description: "كفر شفاف من TPU");
        var black = Product("كفر ايفون 15 سيليكون أسود", 55, description: "لون أسود");
        var blue = Product("كفر ايفون 15 سيليكون أزرق", 55, description: "لون أزرق");
        var asked = Play(Turn("الكفر الشفاف بتاع ايفون 15 موجود؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { clear } : null);

        var played = Play(Turn("طب فيه لون تاني؟", asked.State),
            (tool, arguments) => tool == Tools.SearchProducts && (string)arguments["query"]! == "كفر ايفون 15" ? new[] { clear, black, blue } : null);

        Assert.Equal("clear", asked.Argument(Tools.SearchProducts, "colour"));
        Assert.Contains("أسود", played.Text);
        Assert.Contains("أزرق", played.Text);
    }

    [Fact]
    public void AProductNamedInFullIsAnsweredAloneAmongWiderMatches()
    {
        var speaker = Product("Mini Bluetooth Speaker | سماعة بلوتوث صغيرة", 89, description: "سماعة بلوتوث محمولة، لون أحمر");
        var earbuds = Product("Wireless Earbuds Pro | سماعات لاسلكية برو", 229, description: "سماعات بلوتوث 5.3");

        var played = Play(Turn("السماعة البلوتوث الصغيرة بكام؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { speaker, earbuds } : null);

        Assert.Contains("89", played.Text);
        Assert.DoesNotContain("229", played.Text);
        Assert.Equal(speaker.ProductId, played.State.Focus);
    }

    [Fact]
    public void ADeliveryQuestionAfterAnOrderIsNotASearch() =>
        Assert.Equal(Move.Store, DialoguePolicy.Decide(Turn("and if I order today, when would it reach me in Dubai?")));
}
