using System.Text.Encodings.Web;
using System.Text.Json;
using AiSales.AiAgent.Agent.Choices;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Delivery;
using AiSales.AiAgent.Delivery.Interactive;

namespace AiSales.UnitTests.Agent.Choices;

/// <summary>The Graph API bodies of replies with choices, exactly in Meta's documented shapes (contract §5).</summary>
public sealed class InteractiveBodiesTests
{
    private static readonly Guid s_delivery = Guid.Parse("00000000-0000-0000-0000-000000000001");

    private static string Body(string platform, string text, ReplyChoices? choices, bool humanTag = false) =>
        GraphClient.Body(new GraphSend(s_delivery, platform, "1001", "token", "966500000001", text, humanTag, Choices: choices)).ToJsonString(s_readable);

    // What goes on the wire escapes non-ASCII (\u0623…); compared here unescaped, to read as Meta's documentation.
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ReplyChoices s_confirm = ChoiceOffer.For(DialogueState.Empty with { Awaiting = Awaiting.Confirmation }, "en")!;

    [Fact]
    public void WhatsAppReplyButtons()
    {
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"966500000001","type":"interactive","interactive":{"type":"button","body":{"text":"Shall I confirm the order? (yes/no)"},"action":{"buttons":[{"type":"reply","reply":{"id":"aisales:confirm","title":"Confirm"}},{"type":"reply","reply":{"id":"aisales:change","title":"Change"}},{"type":"reply","reply":{"id":"aisales:human","title":"Talk to a person"}}]}},"biz_opaque_callback_data":"00000000-0000-0000-0000-000000000001"}""",
            Body("whatsapp", "Shall I confirm the order? (yes/no)", s_confirm));
    }

    [Fact]
    public void WhatsAppListMessageWithNumberedRowsTitlesClippedTo24()
    {
        var state = DialogueState.Empty with
        {
            Awaiting = Awaiting.Choice,
            Shown = [new ShownProduct(Guid.NewGuid(), "ABY-1", "Black Abaya", ""), new ShownProduct(Guid.NewGuid(), "ABY-2", "Embroidered Black Evening Abaya", "")],
        };

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"966500000001","type":"interactive","interactive":{"type":"list","body":{"text":"We have a few options"},"action":{"button":"Choose","sections":[{"rows":[{"id":"aisales:pick:1","title":"1. Black Abaya"},{"id":"aisales:pick:2","title":"2. Embroidered Black Ev…","description":"Embroidered Black Evening Abaya"}]}]}},"biz_opaque_callback_data":"00000000-0000-0000-0000-000000000001"}""",
            Body("whatsapp", "We have a few options", ChoiceOffer.For(state, "en")));
    }

    [Fact]
    public void InstagramQuickReplies()
    {
        Assert.Equal(
            """{"recipient":{"id":"966500000001"},"messaging_type":"RESPONSE","message":{"text":"أأكد الطلب؟","quick_replies":[{"content_type":"text","title":"تأكيد الطلب","payload":"aisales:confirm"},{"content_type":"text","title":"تعديل","payload":"aisales:change"},{"content_type":"text","title":"التحدث مع موظف","payload":"aisales:human"}]}}""",
            Body("instagram", "أأكد الطلب؟", ChoiceOffer.For(DialogueState.Empty with { Awaiting = Awaiting.Confirmation }, "ar")));
    }

    [Fact]
    public void TextThatDoesNotFitGoesAsPlainText()
    {
        Assert.Contains("\"type\":\"text\"", Body("whatsapp", new string('a', 1025), s_confirm));
        Assert.Equal("""{"recipient":{"id":"966500000001"},"message":{"text":"hi"}}""", Body("instagram", "hi", null));
        Assert.DoesNotContain("quick_replies", Body("instagram", new string('a', 1001), s_confirm));
        Assert.DoesNotContain("quick_replies", Body("instagram", "hi", s_confirm, humanTag: true));
    }

    [Fact]
    public void NothingIsOfferedWhenTheAssistantWaitsForATypedAnswer()
    {
        Assert.Null(ChoiceOffer.For(DialogueState.Empty with { Awaiting = Awaiting.Name }, "en"));
        Assert.Null(ChoiceOffer.For(DialogueState.Empty with { Awaiting = Awaiting.Choice, Shown = [new ShownProduct(Guid.NewGuid(), "A", "A", "")] }, "en"));
    }

    [Theory]
    [InlineData("ar", "1. شنطة جلد سوداء")]
    [InlineData("en", "1. Black Leather Bag")]
    public void ABilingualNameIsShownInTheCustomersLanguage(string language, string title)
    {
        var state = DialogueState.Empty with
        {
            Awaiting = Awaiting.Choice,
            Shown = [new ShownProduct(Guid.NewGuid(), "BAG-1", "Black Leather Bag | شنطة جلد سوداء", ""), new ShownProduct(Guid.NewGuid(), "BAG-2", "Brown Bag", "")],
        };

        var row = ChoiceOffer.For(state, language)!.Items[0];
        Assert.Equal(title, row.Title);
        Assert.Equal("Black Leather Bag | شنطة جلد سوداء", row.Description);
    }

    [Fact]
    public void ChoicesRoundTripAsStored() =>
        Assert.Equal(s_confirm.Items, ReplyChoices.FromJson(s_confirm.ToJson())!.Items);

    [Fact]
    public void ClipNeverSplitsASurrogatePair() => Assert.Equal("ab…", InteractiveBodies.Clip("ab😀cdef", 4));
}
