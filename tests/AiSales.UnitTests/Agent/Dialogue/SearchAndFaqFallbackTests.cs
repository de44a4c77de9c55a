using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using static AiSales.UnitTests.Agent.Dialogue.DialogueScript;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>
/// What a search found, read with care (a product only a two- or three-letter guess matched is no match), a product question the
/// faq answers when the catalogue cannot, and the faq entry about the topic asked before one that only mentions it.
/// </summary>
public sealed class SearchAndFaqFallbackTests
{
    private static readonly ProductFact BlackHijab = Product("Black Chiffon Hijab | طرحة شيفون سوداء", 185, description: "طرحة شيفون خفيفة، لون أسود.");
    private static readonly ProductFact Shawl = Product("Wool Shawl | شال صوف", 420, description: "Soft wool shawl, charcoal grey.");

    [Fact]
    public void AHitOnlyAShortWordGuessedIsDroppedAndTheLatinWordsSearchedInstead()
    {
        var played = Play(Turn("hala, 3indkom shal suf?"), (tool, arguments) => tool == Tools.SearchProducts
            ? (string)arguments["query"]! == "shal suf" ? new[] { Shawl } : new[] { BlackHijab }
            : null);

        Assert.Equal([Tools.SearchProducts, Tools.SearchProducts], played.Tools);
        Assert.StartsWith(Shawl.Name, played.Text);
        Assert.DoesNotContain("Hijab", played.Text);
    }

    [Fact]
    public void AHitThatContainsTheShortWordIsKept()
    {
        var played = Play(Turn("عندكم شال؟"), (tool, _) => tool == Tools.SearchProducts ? new[] { Shawl } : null);

        Assert.Equal([Tools.SearchProducts], played.Tools);
        Assert.Contains("420", played.Text);
    }

    [Theory]
    [InlineData("عندكن جدول مقاسات؟")]
    [InlineData("do you have a size chart?")]
    public void AProductQuestionTheCatalogueCannotAnswerIsAnsweredFromTheFaq(string text)
    {
        var guide = new FaqAnswer("جدول المقاسات", "مقاس S يناسب 36 لـ 38، و M يناسب 40 لـ 42.", 0.7);
        var played = Play(Turn(text), (tool, _) => tool switch
        {
            Tools.SearchProducts => Array.Empty<ProductFact>(),
            Tools.StoreInfo => new[] { guide },
            _ => null,
        });

        Assert.Contains(Tools.StoreInfo, played.Tools);
        Assert.Equal(guide.Answer, played.Text);
    }

    [Fact]
    public void WithoutAFaqAnswerItStillSaysItFoundNothing()
    {
        var played = Play(Turn("عندكم ساعة رولكس؟"), (tool, _) => tool switch
        {
            Tools.SearchProducts => Array.Empty<ProductFact>(),
            Tools.StoreInfo => Array.Empty<FaqAnswer>(),
            _ => null,
        });

        Assert.Contains("لم أجد", played.Text);
    }

    [Fact]
    public void TheEntryAboutWhereTheShopIsAnswersWhereNotTheOneAboutItsHours()
    {
        var hours = new FaqAnswer("مواعيد المحل", "المحل فاتح كل يوم من 12 الضهر لـ 11 بالليل.", 0.9);
        var location = new FaqAnswer("المحل فين؟", "محلنا في مصر الجديدة، شارع الكوربة.", 0.9);
        var played = Play(Turn("وأين يقع المحل؟"), (tool, _) => tool == Tools.StoreInfo ? new[] { hours, location } : null);

        Assert.Equal(location.Answer, played.Text);
    }

    [Fact]
    public void TheHoursAreStillAnsweredInTheCustomersLanguage()
    {
        var hours = new FaqAnswer("مواعيد المحل", "المحل فاتح كل يوم من 12 الضهر لـ 11 بالليل.", 0.9);
        var english = new FaqAnswer("Opening hours", "Open every day from 12 noon to 11 pm.", 0.9);
        var played = Play(Turn("ما هي مواعيد العمل لديكم؟"), (tool, _) => tool == Tools.StoreInfo ? new[] { english, hours } : null);

        Assert.Equal(hours.Answer, played.Text);
    }
}
