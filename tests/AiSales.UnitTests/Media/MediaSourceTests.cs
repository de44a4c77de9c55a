using System.Text.Json.Nodes;
using AiSales.Api.Media;

namespace AiSales.UnitTests.Media;

public sealed class MediaSourceTests
{
    [Theory]
    [InlineData("image")]
    [InlineData("audio")]
    [InlineData("video")]
    [InlineData("document")]
    [InlineData("sticker")]
    public void AWhatsAppMediaMessageIsFetchedByItsMediaId(string kind)
    {
        var payload = JsonNode.Parse("""{"media":{"id":"1234567890","mime_type":"image/jpeg","sha256":"abc"}}""")!.AsObject();

        var source = MediaSource.Of("whatsapp", kind, payload);

        Assert.Equal(new MediaSource(kind, "1234567890", null, "image/jpeg"), source);
    }

    [Fact]
    public void AnInstagramAttachmentIsFetchedByItsUrlAndAFileIsADocument()
    {
        var payload = JsonNode.Parse("""{"attachments":[{"type":"file","payload":{"url":"https://lookaside.example/f?sig=1"}}]}""")!.AsObject();

        var source = MediaSource.Of("instagram", "file", payload);

        Assert.Equal(new MediaSource("document", null, "https://lookaside.example/f?sig=1", null), source);
    }

    [Theory]
    [InlineData("whatsapp", "text", """{}""")]
    [InlineData("whatsapp", "location", """{"location":{}}""")]
    [InlineData("whatsapp", "image", """{"media":{}}""")]
    [InlineData("instagram", "story_mention", """{"attachments":[{"type":"story_mention","payload":{"url":"https://x.example/s"}}]}""")]
    [InlineData("instagram", "image", """{"attachments":[{"type":"image","payload":{"url":"file:///etc/passwd"}}]}""")]
    [InlineData("instagram", "image", """{"attachments":[]}""")]
    public void MessagesWithoutAFetchableFileHaveNoSource(string platform, string kind, string json) =>
        Assert.Null(MediaSource.Of(platform, kind, JsonNode.Parse(json)!.AsObject()));
}
