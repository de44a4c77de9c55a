using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    public async Task DatabaseDownAnswers503ToWebhooksAndMerchantsAndTheRetryAfterRestartIsAccepted()
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
        var merchantKey = await CreateMerchantKeyAsync(client);

        forwarder.Stop();
        using var whileDown = await PostAsync(client, "whatsapp", body);
        using var merchantWhileDown = await GetAsMerchantAsync(client, merchantKey);
        forwarder.Start();
        using var afterRestart = await PostWhenAcceptedAsync(client, body);
        using var merchantAfterRestart = await GetAsMerchantWhenAvailableAsync(client, merchantKey);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        // A merchant's request is not answered 401 (the key could not be checked) nor 500: 503, try again shortly.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, merchantWhileDown.StatusCode);
        Assert.Equal("application/problem+json", merchantWhileDown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", merchantWhileDown.Headers.RetryAfter?.ToString());
        Assert.Contains("database cannot be reached", await merchantWhileDown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, merchantAfterRestart.StatusCode);
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

    private static async Task<string> CreateMerchantKeyAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants")
        {
            Content = JsonContent.Create(new { name = "Outage Shop" }),
        };
        request.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
    }

    /// <summary>As a client honouring 503's Retry-After would: pooled connections cut by the outage fail once each.</summary>
    private static async Task<HttpResponseMessage> GetAsMerchantWhenAvailableAsync(HttpClient client, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await GetAsMerchantAsync(client, key);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(500);
        }
    }

    private static Task<HttpResponseMessage> GetAsMerchantAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client.SendAsync(request);
    }
}
