using System.Net;
using System.Text;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>Database and Redis outages, each against its own API process started outside the AppHost.</summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookResilienceTests(AppHostFixture fixture)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DatabaseDownAnswers503AndTheRetryAfterRestartIsAccepted()
    {
        await using var db = fixture.CreateDataSource();
        var phone = NewNumericId();
        await CreateMerchantWithChannelAsync(db, "whatsapp", phone);
        var target = new NpgsqlConnectionStringBuilder(fixture.DatabaseConnectionString);
        await using var forwarder = new WebhookTcpForwarder(target.Host!, target.Port);
        forwarder.Start();
        var environment = fixture.ApiEnvironment();
        environment["ConnectionStrings__aisalesdb"] = new NpgsqlConnectionStringBuilder(fixture.DatabaseConnectionString)
        {
            Host = "127.0.0.1",
            Port = forwarder.Port,
            Timeout = 3,
        }.ConnectionString;
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(StartTimeout);
        var wamid = NewExternalId("wamid.");
        var body = Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(phone,
            [WhatsAppBodies.Message(NewNumericId(11), wamid, "text", """{"body":"are you there?"}""")]));

        forwarder.Stop();
        using var whileDown = await PostAsync(client, "whatsapp", body);
        forwarder.Start();
        using var afterRestart = await PostWhenAcceptedAsync(client, body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
        Assert.Equal("are you there?", await WaitForAsync<string>(db, t => t is not null,
            "SELECT text FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
        Assert.False(api.HasExited);
    }

    [Fact]
    public async Task RedisDownStillAcceptsAndLeavesTheMessagePendingInPostgres()
    {
        await using var db = fixture.CreateDataSource();
        var phone = NewNumericId();
        await CreateMerchantWithChannelAsync(db, "whatsapp", phone);
        var environment = fixture.ApiEnvironment();
        environment["ConnectionStrings__redis"] = "127.0.0.1:1";
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(StartTimeout);
        var wamid = NewExternalId("wamid.");
        var body = Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(phone,
            [WhatsAppBodies.Message(NewNumericId(11), wamid, "text", """{"body":"redis is down"}""")]));

        var started = DateTime.UtcNow;
        using var response = await PostAsync(client, "whatsapp", body);
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the webhook took {elapsed} with Redis down");
        Assert.Equal("pending", await WaitForAsync<string>(db, s => s is not null,
            "SELECT reply_state FROM messages WHERE platform = 'whatsapp' AND external_id = $1", wamid));
    }

    /// <summary>Meta retries a 503; so do we, until the pool has reconnected (bounded).</summary>
    private static async Task<HttpResponseMessage> PostWhenAcceptedAsync(HttpClient client, byte[] body)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await PostAsync(client, "whatsapp", body);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(250);
        }
    }
}
