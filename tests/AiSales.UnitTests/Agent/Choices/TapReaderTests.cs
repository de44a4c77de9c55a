using AiSales.AiAgent.Agent.Choices;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Choices;

/// <summary>A tap on our buttons, list rows or quick replies read as the customer's answer.</summary>
public sealed class TapReaderTests
{
    [Theory]
    [InlineData("""{"interactive":{"type":"button_reply","button_reply":{"id":"aisales:confirm","title":"Confirm"}}}""", "Confirm", "yes")]
    [InlineData("""{"interactive":{"type":"button_reply","button_reply":{"id":"aisales:confirm","title":"تأكيد الطلب"}}}""", "تأكيد الطلب", "نعم")]
    [InlineData("""{"interactive":{"type":"button_reply","button_reply":{"id":"aisales:change","title":"Change"}}}""", "Change", "no")]
    [InlineData("""{"interactive":{"type":"button_reply","button_reply":{"id":"aisales:human","title":"التحدث مع موظف"}}}""", "التحدث مع موظف", "أبي أكلم موظف")]
    [InlineData("""{"interactive":{"type":"list_reply","list_reply":{"id":"aisales:pick:2","title":"2. Black Abaya"}}}""", "2. Black Abaya", "#2")]
    [InlineData("""{"quick_reply":{"payload":"aisales:pick:3"}}""", "3. عباية", "رقم 3")]
    [InlineData("""{"quick_reply":{"payload":"SOMEONE_ELSES"}}""", "Blue", "Blue")]
    [InlineData("""{"interactive":{"type":"button_reply","button_reply":{"id":"aisales:pick:99","title":"x"}}}""", "x", "x")]
    [InlineData(null, "plain text", "plain text")]
    [InlineData("not json", "plain text", "plain text")]
    public void ATapOfOursIsReadAsTheAnswer(string? payload, string? title, string expected) =>
        Assert.Equal(expected, TapReader.TextOf(payload, title));

    [Theory]
    [InlineData("#2", 2)]
    [InlineData("رقم 2", 2)]
    [InlineData("#10", 10)]
    public void TheAssistantReadsAPickedRow(string text, int number)
    {
        var reading = MessageReader.Read(text, new ReadingHints(Awaiting.Choice, 10, []));
        Assert.True(reading.Has(Act.Choose));
        Assert.Equal(number, reading.Choice);
    }

    [Theory]
    [InlineData("yes", Act.Confirm)]
    [InlineData("نعم", Act.Confirm)]
    [InlineData("no", Act.Deny)]
    [InlineData("لا", Act.Deny)]
    [InlineData("أبي أكلم موظف", Act.Handoff)]
    [InlineData("I want to talk to a person", Act.Handoff)]
    public void TheAssistantReadsAButton(string text, Act act) =>
        Assert.True(MessageReader.Read(text, new ReadingHints(Awaiting.Confirmation, 0, [])).Has(act));
}
