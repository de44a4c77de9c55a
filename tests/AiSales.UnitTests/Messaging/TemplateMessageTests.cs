using System.Text.Json.Nodes;
using AiSales.Core.Messaging;

namespace AiSales.UnitTests.Messaging;

public sealed class TemplateMessageTests
{
    [Fact]
    public void TheBodyIsExactlyMetasTemplateMessageShape()
    {
        var deliveryId = Guid.Parse("0b6c2f3e-8f7a-4a43-9d3e-2a1f0c9b8e71");
        var template = TemplateMessage.Template("order_update", "ar", ["نورة", "A-1024"]);

        var body = TemplateMessage.Body("966500000001", template, deliveryId);

        var expected = JsonNode.Parse("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"966500000001","type":"template",
             "template":{"name":"order_update","language":{"code":"ar"},
                         "components":[{"type":"body","parameters":[{"type":"text","text":"نورة"},{"type":"text","text":"A-1024"}]}]},
             "biz_opaque_callback_data":"0b6c2f3e-8f7a-4a43-9d3e-2a1f0c9b8e71"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
    }

    [Fact]
    public void ATemplateWithoutParametersHasNoComponents()
    {
        var template = TemplateMessage.Template("hello_world", "en_US", []);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name":"hello_world","language":{"code":"en_US"}}"""), template));
    }

    [Fact]
    public void ABusinessScopedUserIsAddressedAsRecipient()
    {
        var body = TemplateMessage.Body("SA.1234567890123456", TemplateMessage.Template("t", "ar", []), Guid.NewGuid());

        Assert.Equal(WhatsAppAddress.SendField("SA.1234567890123456"), body.Select(p => p.Key).Single(k => k is "to" or "recipient"));
    }

    [Theory]
    [InlineData("مرحبا {{1}}، طلبك {{2}} في الطريق", 2)]
    [InlineData("Hello {{ 1 }}", 1)]
    [InlineData("No parameters", 0)]
    [InlineData(null, 0)]
    public void TheParameterCountIsTheHighestPlaceholder(string? body, int expected) =>
        Assert.Equal(expected, TemplateMessage.ParameterCount(body));

    [Fact]
    public void RenderFillsThePlaceholdersInOrderAndLeavesUnknownOnes() =>
        Assert.Equal("مرحبا نورة، طلبك A-1 في الطريق {{3}}", TemplateMessage.Render("مرحبا {{1}}، طلبك {{2}} في الطريق {{3}}", ["نورة", "A-1"]));
}
