using System.Text;
using AiSales.Core.Messaging;

namespace AiSales.UnitTests.Delivery;

/// <summary>Replies split to each platform's limit on word boundaries (contract §5).</summary>
public sealed class MessageSplitterTests
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
}
