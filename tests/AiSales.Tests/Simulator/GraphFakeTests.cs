using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

[Collection(SimulatorCollection.Name)]
public sealed class GraphFakeTests(SimulatorTestHost host)
{
    [Fact]
    public async Task WhatsAppSendAnswersLikeMetaThenSendsSignedStatusesInOrder()
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");
        var callbackData = Guid.NewGuid().ToString();

        using var response = await SendAsync(phoneNumberId, token, new
        {
            messaging_product = "whatsapp",
            recipient_type = "individual",
            to = "966500000001",
            type = "text",
            text = new { body = "أهلاً! الحقيبة السوداء بسعر 420 ريال" },
            biz_opaque_callback_data = callbackData,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("whatsapp", answer.RootElement.GetProperty("messaging_product").GetString());
        var messageId = answer.RootElement.GetProperty("messages")[0].GetProperty("id").GetString()!;
        Assert.StartsWith("wamid.", messageId);

        var statuses = await host.WaitForWebhooksAsync(w => w.Body.Contains(messageId), 3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.SignatureValid));
        Assert.All(statuses, s => Assert.Equal("whatsapp", s.Platform));
        Assert.All(statuses, s => Assert.Contains(callbackData, s.Body));
        Assert.Equal(["sent", "delivered", "read"], statuses.Select(StatusOf));
    }

    [Fact]
    public async Task InstagramSendAnswersMessageIdThenSendsEchoAndRead()
    {
        var (accountId, token) = await host.RegisterAccountAsync("instagram");

        using var response = await SendAsync(accountId, token, new { recipient = new { id = "1234567890123456" }, message = new { text = "Yes, in stock!" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("1234567890123456", answer.RootElement.GetProperty("recipient_id").GetString());
        var mid = answer.RootElement.GetProperty("message_id").GetString()!;
        var followUps = await host.WaitForWebhooksAsync(w => w.Body.Contains(mid), 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, followUps.Count);
        Assert.All(followUps, w => Assert.True(w.SignatureValid));
        Assert.Contains(followUps, w => w.Body.Contains("\"is_echo\":true"));
        Assert.Contains(followUps, w => w.Body.Contains("\"read\""));
    }

    [Fact]
    public async Task UnknownTokenAnswersGraphError190()
    {
        var (phoneNumberId, _) = await host.RegisterAccountAsync("whatsapp");

        using var response = await SendAsync(phoneNumberId, "EAAG-not-the-token", WhatsAppText("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(190, await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp","to":"966500000001","type":"text","text":{}}""")]
    [InlineData("""{"to":"966500000001","type":"text","text":{"body":"hi"}}""")]
    [InlineData("""not json""")]
    public async Task MalformedWhatsAppBodyAnswersGraphError100(string body)
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v21.0/{phoneNumberId}/messages")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task InstagramTextOverOneThousandBytesIsRefused()
    {
        var (accountId, token) = await host.RegisterAccountAsync("instagram");

        using var response = await SendAsync(accountId, token, new { recipient = new { id = "1234567890123456" }, message = new { text = new string('ع', 501) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("Throttle", 429, 130429)]
    [InlineData("WindowClosed", 400, 131047)]
    [InlineData("TokenExpired", 401, 190)]
    public async Task CountedFaultAnswersItsGraphErrorThenClears(string mode, int status, int code)
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");
        using (var set = await host.Client.PutAsJsonAsync($"/simulator/faults/{phoneNumberId}", new { mode, count = 1 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        using var faulted = await SendAsync(phoneNumberId, token, WhatsAppText("first"));
        using var recovered = await SendAsync(phoneNumberId, token, WhatsAppText("second"));

        Assert.Equal(status, (int)faulted.StatusCode);
        Assert.Equal(code, await ErrorCodeAsync(faulted));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task ServerErrorFaultAnswers500UntilCleared()
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");
        using (await host.Client.PutAsJsonAsync($"/simulator/faults/{phoneNumberId}", new { mode = "ServerError" }))
        {
        }

        using var first = await SendAsync(phoneNumberId, token, WhatsAppText("one"));
        using var second = await SendAsync(phoneNumberId, token, WhatsAppText("two"));
        using (await host.Client.DeleteAsync($"/simulator/faults/{phoneNumberId}"))
        {
        }

        using var third = await SendAsync(phoneNumberId, token, WhatsAppText("three"));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task GraphRequestsAreLoggedWithPathBearerAndBody()
    {
        var (phoneNumberId, token) = await host.RegisterAccountAsync("whatsapp");
        using (await SendAsync(phoneNumberId, token, WhatsAppText("logged")))
        {
        }

        using var log = JsonDocument.Parse(await host.Client.GetStringAsync($"/simulator/graph/requests?accountId={phoneNumberId}"));

        var entry = Assert.Single(log.RootElement.EnumerateArray());
        Assert.Equal($"/v21.0/{phoneNumberId}/messages", entry.GetProperty("path").GetString());
        Assert.Equal($"Bearer {token}", entry.GetProperty("authorization").GetString());
        Assert.Contains("logged", entry.GetProperty("body").GetString());
    }

    private Task<HttpResponseMessage> SendAsync(string accountId, string token, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v21.0/{accountId}/messages") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return host.Client.SendAsync(request);
    }

    private static object WhatsAppText(string text) =>
        new { messaging_product = "whatsapp", recipient_type = "individual", to = "966500000001", type = "text", text = new { body = text } };

    private static async Task<int> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return error.RootElement.GetProperty("error").GetProperty("code").GetInt32();
    }

    private static string StatusOf(ReceivedWebhook webhook)
    {
        using var body = JsonDocument.Parse(webhook.Body);
        return body.RootElement.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value")
            .GetProperty("statuses")[0].GetProperty("status").GetString()!;
    }
}
