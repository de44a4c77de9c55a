using System.Net;
using System.Text;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// An event whose normalisation fails in PostgreSQL (here a trigger that rejects one message text) rolls its batch back,
/// releases its rows, and is retried alone until it ends 'failed' with the error, while the events beside it are stored.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookPoisonTests(AppHostFixture fixture)
{
    [Fact]
    public async Task AFailingEventEndsFailedWithItsErrorAndTheOthersAreStored()
    {
        await using var db = fixture.CreateDataSource();
        using var api = fixture.CreateHttpClient("api");
        var phone = NewNumericId();
        await CreateMerchantWithChannelAsync(db, "whatsapp", phone);
        var poison = $"poison-{Guid.NewGuid():N}";
        var name = $"test_poison_{Guid.NewGuid():N}";
        await ExecuteAsync(db, $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.text = '{poison}' THEN RAISE EXCEPTION 'poisoned message for the test'; END IF;
                RETURN NEW;
            END $$
            """);
        await ExecuteAsync(db, $"CREATE TRIGGER {name} BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION {name}()");
        try
        {
            var texts = new[] { "first good one", poison, "second good one" };
            var wamids = texts.Select(_ => NewExternalId("wamid.")).ToArray();
            var bodies = texts.Select((text, i) => Encoding.UTF8.GetBytes(WhatsAppBodies.WhatsAppBody(phone,
                [WhatsAppBodies.Message(NewNumericId(11), wamids[i], "text", $$"""{"body":"{{text}}"}""")]))).ToArray();

            var statuses = await Task.WhenAll(bodies.Select(async body =>
            {
                using var response = await PostAsync(api, "whatsapp", body);
                return response.StatusCode;
            }));

            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            Assert.Equal("failed", await WaitForEventStateAsync(db, bodies[1]));
            Assert.Contains("poisoned message for the test", await ScalarAsync<string>(db,
                "SELECT error FROM webhook_events WHERE body = $1", bodies[1]));
            Assert.Equal("processed", await WaitForEventStateAsync(db, bodies[0]));
            Assert.Equal("processed", await WaitForEventStateAsync(db, bodies[2]));
            Assert.Equal(2L, await ScalarAsync<long>(db,
                "SELECT count(*) FROM messages WHERE platform = 'whatsapp' AND external_id = ANY($1)", (object)wamids));
        }
        finally
        {
            await ExecuteAsync(db, $"DROP TRIGGER {name} ON messages");
            await ExecuteAsync(db, $"DROP FUNCTION {name}()");
        }
    }
}
