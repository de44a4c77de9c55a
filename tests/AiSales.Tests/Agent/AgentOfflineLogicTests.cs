using System.Text;
using AiSales.AiAgent.Agent.Offline;
using AiSales.AiAgent.Delivery;

namespace AiSales.Tests.Agent;

/// <summary>Pure logic of the agent: no AppHost needed.</summary>
public sealed class AgentOfflineLogicTests
{
    [Fact]
    public void WhatsAppTextIsSplitAt4096CharactersOnWordBoundaries()
    {
        var text = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"word{i}"));

        var parts = MessageSplitter.Split("whatsapp", text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void InstagramTextIsSplitAt1000Utf8BytesWithoutBreakingArabicWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("مرحباً بكم في متجرنا", 100));

        var parts = MessageSplitter.Split("instagram", text);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 1000));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void AWordLongerThanTheLimitIsCutWithoutSplittingASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 300));

        var parts = MessageSplitter.Split("instagram", text);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Theory]
    [InlineData("بكم القفطان؟", IntentKind.Question)]
    [InlineData("كم سعر العباية", IntentKind.Question)]
    [InlineData("عندكم عبايات سوداء؟", IntentKind.Question)]
    [InlineData("أبغى عباية", IntentKind.Order)]
    [InlineData("ابي اطلب قفطان", IntentKind.Order)]
    [InlineData("بدي قفطان", IntentKind.Order)]
    [InlineData("عايز قفطان", IntentKind.Order)]
    [InlineData("أريد أطلب ٣ قفاطين", IntentKind.Order)]
    [InlineData("أبي أكلم موظف", IntentKind.Handoff)]
    [InlineData("ابغى شخص حقيقي", IntentKind.Handoff)]
    [InlineData("I want to talk to a human", IntentKind.Handoff)]
    [InlineData("How much is the kaftan?", IntentKind.Question)]
    [InlineData("I'd like 2 kaftans", IntentKind.Order)]
    [InlineData("yes", IntentKind.Confirm)]
    [InlineData("ايوه", IntentKind.Confirm)]
    [InlineData("السلام عليكم", IntentKind.Greeting)]
    public void IntentIsDetectedInArabicDialectsAndEnglish(string text, IntentKind expected)
    {
        Assert.Equal(expected, IntentDetector.Detect(text, []).Kind);
    }

    [Theory]
    [InlineData("أريد أطلب ٣ قفطان", 3)]
    [InlineData("ابغى حبتين", 2)]
    [InlineData("I'd like 2 kaftans", 2)]
    [InlineData("one kaftan please", 1)]
    public void QuantityIsReadFromDigitsAndWords(string text, int expected)
    {
        Assert.Equal(expected, IntentDetector.Detect(text, []).Quantity);
    }

    [Fact]
    public void ProductQueryDropsIntentWordsAndTheArabicArticle()
    {
        Assert.Equal("قفطان ازرق", IntentDetector.Detect("بكم القفطان الأزرق؟", []).ProductQuery);
        Assert.Equal("blue kaftan", IntentDetector.Detect("How much is the blue kaftan?", []).ProductQuery);
    }
}
