using System.Text.Json.Nodes;
using AiSales.Core.Messaging;

namespace AiSales.UnitTests.Messaging;

public sealed class ReplyOutboxTests
{
    private static readonly OutboxReply s_reply = new(Guid.NewGuid(), Guid.NewGuid(), "whatsapp", Guid.NewGuid(), "966500000001", "hi", "ai");

    [Fact]
    public void TheInsertIsWrittenWithItsConditionAsATextMessageWithAnEmptyPayload()
    {
        var command = ReplyOutbox.InsertCommand(s_reply, condition: "current_setting('x') = 'y'");

        Assert.Contains("WHERE current_setting('x') = 'y'", command.CommandText);
        Assert.Equal(13, command.Parameters.Count);
        Assert.Equal("{}", command.Parameters[10].Value);
        Assert.Equal("text", command.Parameters[11].Value);
        Assert.Equal(DBNull.Value, command.Parameters[12].Value);
    }

    [Fact]
    public void ChoicesGoWithTheMessage() => Assert.True(JsonNode.DeepEquals(
        JsonNode.Parse("""{"choices":{"kind":"buttons"}}"""),
        JsonNode.Parse((string)ReplyOutbox.InsertCommand(s_reply with { Choices = """{"kind":"buttons"}""" }).Parameters[10].Value!)));

    [Fact]
    public void ATemplatePartIsOfKindTemplateAndCarriesMetasTemplateObject()
    {
        var command = ReplyOutbox.InsertCommand(s_reply with { Template = new OutboxTemplate("order_update", "ar", ["نورة", "1042"]) });

        Assert.Equal("template", command.Parameters[11].Value);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"template":{"name":"order_update","language":"ar","parameters":["نورة","1042"]}}"""),
            JsonNode.Parse((string)command.Parameters[10].Value!)));
        Assert.True(JsonNode.DeepEquals(
            TemplateMessage.Template("order_update", "ar", ["نورة", "1042"]),
            JsonNode.Parse((string)command.Parameters[12].Value!)));
    }
}
