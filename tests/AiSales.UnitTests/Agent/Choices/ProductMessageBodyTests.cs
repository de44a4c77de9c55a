using System.Text.Encodings.Web;
using System.Text.Json;
using AiSales.AiAgent.Agent.Choices;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Delivery;

namespace AiSales.UnitTests.Agent.Choices;

/// <summary>Product and product-list messages from the channel's Meta catalogue, exactly as Meta documents them.</summary>
public sealed class ProductMessageBodyTests
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Guid s_first = Guid.NewGuid();

    private static string Body(string text, DialogueState state, string language = "en") =>
        GraphClient.Body(new GraphSend(Guid.Empty, "whatsapp", "1001", "token", "966500000001", text, false,
            Choices: ChoiceOffer.For(state, language, "1500900600300700"))).ToJsonString(s_readable);

    [Fact]
    public void SeveralProductsGoAsAProductListWithOurSkus()
    {
        var state = DialogueState.Empty with
        {
            Awaiting = Awaiting.Choice,
            Shown = [new ShownProduct(s_first, "ABY-1", "Black Abaya", ""), new ShownProduct(Guid.NewGuid(), "ABY-2", "Embroidered Abaya", "")],
        };

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"966500000001","type":"interactive","interactive":{"type":"product_list","header":{"type":"text","text":"المنتجات"},"body":{"text":"عندنا خيارين"},"action":{"catalog_id":"1500900600300700","sections":[{"title":"المنتجات","product_items":[{"product_retailer_id":"ABY-1"},{"product_retailer_id":"ABY-2"}]}]}},"biz_opaque_callback_data":"00000000-0000-0000-0000-000000000000"}""",
            Body("عندنا خيارين", state, "ar"));
    }

    [Fact]
    public void TheOneProductInFocusGoesAsASingleProductMessage()
    {
        var state = DialogueState.Empty with { Shown = [new ShownProduct(s_first, "ABY-1", "Black Abaya", "")], Focus = s_first };

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"966500000001","type":"interactive","interactive":{"type":"product","body":{"text":"Black Abaya: 300 SAR"},"action":{"catalog_id":"1500900600300700","product_retailer_id":"ABY-1"}},"biz_opaque_callback_data":"00000000-0000-0000-0000-000000000000"}""",
            Body("Black Abaya: 300 SAR", state));
    }

    [Fact]
    public void TheConfirmationKeepsItsButtonsAndNoCatalogueMeansAList()
    {
        Assert.Contains("\"type\":\"button\"", Body("Shall I confirm?", DialogueState.Empty with { Awaiting = Awaiting.Confirmation }));
        var state = DialogueState.Empty with
        {
            Awaiting = Awaiting.Choice,
            Shown = [new ShownProduct(s_first, "ABY-1", "Black Abaya", ""), new ShownProduct(Guid.NewGuid(), "ABY-2", "Embroidered Abaya", "")],
        };
        Assert.Equal("list", ChoiceOffer.For(state, "en")!.Kind);
    }
}
