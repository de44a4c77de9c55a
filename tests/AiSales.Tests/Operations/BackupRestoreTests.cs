using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AiSales.Tests.MerchantApi;
using Npgsql;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;
using static AiSales.Tests.Webhooks.WebhookTestClient;

namespace AiSales.Tests.Operations;

/// <summary>
/// The backup procedure of docs/operations.md rehearsed end to end: a shop filled through the API (a signed webhook
/// makes the conversation), scripts/backup.sh, scripts/restore.sh into a new database, the migrator, and an API started
/// on the restored database answers the same conversations, messages and orders.
/// </summary>
[Collection(MerchantApiCollection.Name)]
public sealed class BackupRestoreTests(MerchantApiFixture fixture)
{
    private static readonly TimeSpan s_scriptTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task BackupRestoredIntoAnEmptyDatabaseServesTheSameConversationsAndOrders()
    {
        // Arrange: a merchant with WhatsApp, a customer's signed webhook, an order on that conversation.
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var phoneNumberId = await ConnectChannelAsync(client, "whatsapp");
        var body = Fixture("whatsapp-text.json", new Dictionary<string, string>
        {
            [FixtureWhatsAppPhoneNumberId] = phoneNumberId,
            [FixtureWhatsAppCustomer] = $"9665{Random.Shared.Next(10_000_000, 99_999_999)}",
            ["wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="] = $"wamid.backup{Guid.NewGuid():N}",
            ["1749416383"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var platformApi = fixture.Platform.CreateHttpClient("api");
        using (var posted = await PostAsync(platformApi, "whatsapp", body))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var conversationId = await WaitForConversationAsync(client);
        await using (var db = fixture.Platform.CreateDataSource())
        {
            await SeedOrderAsync(db, merchant.Id, conversationId);
        }

        var source = await ReadShopAsync(client, conversationId);
        var password = new NpgsqlConnectionStringBuilder(fixture.Platform.DatabaseConnectionString).Password!;
        var folder = Directory.CreateTempSubdirectory("aisales-backup-").FullName;

        try
        {
            // Act: back up, restore into an empty database, migrate it, start an API on it.
            var backup = await ShellScript.RunAsync("scripts/backup.sh", [folder], Connection(fixture.Platform.DatabaseConnectionString), s_scriptTimeout);
            Assert.True(backup.ExitCode == 0, backup.Output);
            var file = Assert.Single(Directory.GetFiles(folder, "*.dump"));
            Assert.Matches($@"aisales-aisalesdb-v{AiSales.Core.Data.SchemaVersion.Expected}-\d{{8}}T\d{{6}}Z\.dump$", file);

            var restored = await fixture.Platform.CreateEmptyDatabaseAsync("restored");
            var restore = await ShellScript.RunAsync("scripts/restore.sh", [file], Connection(restored), s_scriptTimeout);
            Assert.True(restore.ExitCode == 0, restore.Output);
            var again = await ShellScript.RunAsync("scripts/restore.sh", [file], Connection(restored), s_scriptTimeout);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("is not empty", again.Output);
            Assert.DoesNotContain(password, backup.Output + restore.Output + again.Output);

            await using (var migrator = ServiceProcess.Start("AiSales.MigrationService", new Dictionary<string, string?> { ["ConnectionStrings__aisalesdb"] = restored }))
            {
                Assert.True(await migrator.WaitForExitAsync(s_scriptTimeout) == 0, migrator.Output);
            }

            var environment = fixture.Platform.ApiEnvironment();
            environment["ConnectionStrings__aisalesdb"] = restored;
            environment.Remove("ConnectionStrings__redis"); // the restored copy shares nothing with the running platform
            await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
            using var restoredClient = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
            restoredClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", merchant.ApiKey);
            await WaitUntilReadyAsync(restoredClient);

            // Assert: the same conversation, messages and order, read through the API.
            Assert.Equal(source, await ReadShopAsync(restoredClient, conversationId));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string?> Connection(string connectionString) => new() { ["ConnectionStrings__aisalesdb"] = connectionString };

    private static async Task<Guid> WaitForConversationAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var page = await (await client.GetAsync("/api/conversations", Timeout())).ReadJsonAsync();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetGuid();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The signed webhook never became a conversation.");
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await client.GetAsync("/health", Timeout())).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "The API on the restored database never became ready.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// What the shop's API shows: the conversation (id, customer, platform), the customer's messages and the order with
    /// its lines. The agent's reply, still being retried against the platform's unreachable Graph API, is left out: it
    /// moves on in the running platform after the backup.
    /// </summary>
    private static async Task<List<string>> ReadShopAsync(HttpClient client, Guid conversationId)
    {
        var shop = new List<string>();
        var conversation = await (await client.GetAsync($"/api/conversations/{conversationId}", Timeout())).ReadJsonAsync();
        shop.Add($"conversation {conversation.GetProperty("id")} {conversation.GetProperty("platform")} {Field(conversation, "customer")}");
        var messages = await (await client.GetAsync($"/api/conversations/{conversationId}/messages", Timeout())).ReadJsonAsync();
        shop.AddRange(messages.GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("direction").GetString() == "inbound")
            .Select(m => $"message {m.GetProperty("id")} {m.GetProperty("text")} {m.GetProperty("sentAt")}"));
        var orders = await (await client.GetAsync("/api/orders", Timeout())).ReadJsonAsync();
        foreach (var item in orders.GetProperty("items").EnumerateArray())
        {
            var order = await (await client.GetAsync($"/api/orders/{item.GetProperty("id")}", Timeout())).ReadJsonAsync();
            shop.Add($"order {order.GetProperty("id")} {order.GetProperty("status")} {order.GetProperty("total")} {order.GetProperty("items")}");
        }

        Assert.Equal(2, shop.Count(line => !line.StartsWith("conversation", StringComparison.Ordinal))); // one message, one order
        return shop;
    }

    private static string Field(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.ToString() : "-";
}
