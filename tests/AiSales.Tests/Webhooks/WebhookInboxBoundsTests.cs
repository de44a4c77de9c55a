using System.Diagnostics;
using System.Net;
using System.Text;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// Contract section 4 rule 10: a bounded amount of work waits in memory, and a webhook answered 503 (or timed out)
/// is never stored later. Each test runs its own API process outside the AppHost.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookInboxBoundsTests(AppHostFixture fixture)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task WebhookPastTheInboxBudgetAnswers503AtOnceAndIsNeverStored()
    {
        await using var db = fixture.CreateDataSource();
        var phone = NewNumericId();
        await CreateMerchantWithChannelAsync(db, "whatsapp", phone);
        var environment = fixture.ApiEnvironment();
        environment["Webhooks__InboxMaxBytes"] = "600"; // smaller than one body plus its overhead
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(StartTimeout);
        var wamid = NewExternalId("wamid.");

        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(client, "whatsapp", Body(phone, wamid));
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the 503 took {elapsed}");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0L, await StoredAsync(db, wamid));
    }

    [Fact]
    public async Task WebhooksThatTimedOutWhileTheDatabaseHungAreNeverStoredWhenItResumes()
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
            // Npgsql's own timeouts as an operator leaves them: the inbox fits them to its commit timeout.
            Host = "127.0.0.1", Port = forwarder.Port,
        }.ConnectionString;
        environment["Webhooks__InboxCommitTimeout"] = "00:00:01";
        environment["Webhooks__InboxWriters"] = "1";
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(StartTimeout);
        using (var warm = await PostAsync(client, "whatsapp", Body(phone, NewExternalId("wamid."))))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode); // the pool now holds an open connection
        }

        var (first, second, after) = (NewExternalId("wamid."), NewExternalId("wamid."), NewExternalId("wamid."));
        // The API may hold a request whose INSERT was already sent until Npgsql gives up on it: a patient client.
        using var patient = new HttpClient { BaseAddress = client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        forwarder.Freeze();
        var clock = Stopwatch.StartNew();
        var posting = Task.WhenAll(PostAsync(patient, "whatsapp", Body(phone, first)), PostAsync(patient, "whatsapp", Body(phone, second)));
        await Task.Delay(TimeSpan.FromSeconds(3)); // past both requests' 1 s deadline: whatever reaches PostgreSQL now is late
        var answeredWhileHung = posting.IsCompleted;
        await Task.WhenAny(posting, Task.Delay(TimeSpan.FromSeconds(10)));
        var elapsed = clock.Elapsed;
        forwarder.Thaw();
        var whileHung = await posting;
        using var resumed = await PostUntilAcceptedAsync(client, Body(phone, after));

        Assert.All(whileHung, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        // Npgsql alone would hold the INSERT 1 s + 2 × 15 s: the 503s came while PostgreSQL still hung.
        Assert.True(answeredWhileHung || elapsed < TimeSpan.FromSeconds(10), $"the 503s took {elapsed}");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(1L, await StoredAsync(db, after));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0L, await StoredAsync(db, first));
        Assert.Equal(0L, await StoredAsync(db, second));
        foreach (var response in whileHung)
        {
            response.Dispose();
        }
    }

    private static byte[] Body(string phone, string wamid) => Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(phone,
        [WhatsAppBodies.Message(NewNumericId(11), wamid, "text", """{"body":"is it in stock?"}""")]));

    private static async Task<long> StoredAsync(NpgsqlDataSource db, string wamid)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM webhook_events WHERE position(convert_to($1, 'UTF8') IN body) > 0");
        command.Parameters.AddWithValue(wamid);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HttpResponseMessage> PostUntilAcceptedAsync(HttpClient client, byte[] body)
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
