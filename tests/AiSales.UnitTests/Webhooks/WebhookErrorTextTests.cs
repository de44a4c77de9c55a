using System.Text;
using AiSales.Api.Webhooks;

namespace AiSales.UnitTests.Webhooks;

/// <summary>
/// The error stored with an unparsable webhook body. Found by the fault suite's fuzzer: a body of random bytes whose
/// parse error quoted a NUL failed the storing of its whole batch, and the event ended `failed` instead of `unparsed`.
/// </summary>
public sealed class WebhookErrorTextTests
{
    [Fact]
    public void AParseErrorQuotingTheBodysNulIsStorable()
    {
        var body = Encoding.UTF8.GetBytes("t\0rue");

        var error = Assert.Throws<WebhookShapeException>(() => WebhookParser.Parse("whatsapp", body).ToList());
        var stored = WebhookJson.ErrorText(error.Message)!;

        Assert.Contains('\0', error.Message); // the hazard is real: the parser's message quotes the body
        Assert.DoesNotContain('\0', stored);
        Assert.StartsWith("Not JSON", stored);
    }

    [Fact]
    public void LoneSurrogatesAreReplacedAndLongErrorsCut()
    {
        var stored = WebhookJson.ErrorText("bad \uD800 value " + new string('x', 5000))!;

        Assert.Equal(2000, stored.Length);
        Assert.DoesNotContain(stored, char.IsSurrogate);
        Assert.Contains('\uFFFD', stored);
    }
}
