using AiSales.Core.Messaging;

namespace AiSales.UnitTests.Messaging;

public sealed class ReplyOutboxTests
{
    private static readonly OutboxReply s_reply = new(Guid.NewGuid(), Guid.NewGuid(), "whatsapp", Guid.NewGuid(), "966500000001", "hi", "ai");

    [Fact]
    public void TheInsertIsWrittenWithItsConditionAndAnEmptyPayloadWithoutChoices()
    {
        var command = ReplyOutbox.InsertCommand(s_reply, condition: "current_setting('x') = 'y'");

        Assert.Contains("WHERE current_setting('x') = 'y'", command.CommandText);
        Assert.Contains("'{}'::jsonb", command.CommandText);
        Assert.Equal(11, command.Parameters.Count);
        Assert.Equal(DBNull.Value, command.Parameters[10].Value);
    }

    [Fact]
    public void ChoicesGoWithTheMessage() =>
        Assert.Equal("""{"kind":"buttons"}""", ReplyOutbox.InsertCommand(s_reply with { Choices = """{"kind":"buttons"}""" }).Parameters[10].Value);
}
