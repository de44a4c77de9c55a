using System.Net;
using System.Text;
using CsCheck;
using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// Generated and mutated payloads, correctly signed: the API answers 200 to every one (never a 5xx from bad
/// input), stays alive, and the processor ends every event in a final state other than 'failed'.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class WebhookFuzzTests(AppHostFixture fixture)
{
    private static readonly string[] FixtureFiles = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "Webhooks", "Fixtures"), "*.json")
        .Select(Path.GetFileName).Order().ToArray()!;

    private static readonly string[] NastyValues =
    [
        "null", "[]", "{}", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "1e999", "-1", "0", "1.5", "true", "false",
        "99999999999999999999999999999", "\"wamid.\"", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "{\"mid\":null}",
        "\"مرحبا 👋\"", "\"\\\"\"", "\"2026-01-01\"", "[{\"id\":1}]", "{\"id\":{\"id\":{}}}", "\"9999999999999\"",
    ];

    private static readonly string[] MetaKeys =
    [
        "object", "entry", "id", "time", "changes", "value", "field", "messaging_product", "metadata", "phone_number_id", "contacts",
        "profile", "name", "wa_id", "messages", "from", "timestamp", "type", "text", "body", "image", "caption", "statuses", "status",
        "errors", "code", "title", "biz_opaque_callback_data", "messaging", "sender", "recipient", "message", "mid", "is_echo",
        "is_deleted", "attachments", "payload", "url", "reaction", "emoji", "action", "read", "watermark", "postback", "reply_to",
        "story", "context", "interactive", "button_reply", "list_reply", "location", "referral", "message_id",
    ];

    [Fact]
    public async Task GeneratedAndMutatedSignedPayloadsNeverCauseA5xxOrACrash()
    {
        await using var db = fixture.CreateDataSource();
        using var api = fixture.CreateHttpClient("api");
        var phone = NewNumericId();
        var account = NewNumericId(17);
        var customer = NewNumericId(11);
        var merchantId = await CreateMerchantWithChannelAsync(db, "whatsapp", phone);
        await ConnectChannelAsync(db, merchantId, "instagram", account);
        var accounts = new[] { phone, account, customer, "x" };
        var bodies = new List<byte[]>();

        var mutated = Gen.Select(
            Gen.Int[0, FixtureFiles.Length - 1],
            Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[0, 255]).Array[1, 6]);
        await mutated.SampleAsync(async (file, mutations) =>
        {
            var text = Fixture(FixtureFiles[file], new Dictionary<string, string>
            {
                [FixtureWhatsAppPhoneNumberId] = phone,
                [FixtureInstagramAccount] = account,
                [FixtureWhatsAppCustomer] = customer,
                ["wamid."] = "wamid." + Guid.NewGuid().ToString("N")[..8],
                ["aWdf"] = "m" + Guid.NewGuid().ToString("N")[..8],
            });
            var platform = FixtureFiles[file].StartsWith("whatsapp", StringComparison.Ordinal) ? "whatsapp" : "instagram";
            var body = Mutate(Encoding.UTF8.GetBytes(text), mutations);
            await PostAndCheckAsync(api, platform, body, bodies);
        }, iter: 150, threads: 1);

        var generated = Gen.Select(Gen.Int, Gen.Bool);
        await generated.SampleAsync(async (seed, whatsapp) =>
        {
            var body = Encoding.UTF8.GetBytes(RandomMetaJson(new Random(seed), whatsapp, accounts));
            await PostAndCheckAsync(api, whatsapp ? "whatsapp" : "instagram", body, bodies);
        }, iter: 100, threads: 1);

        using var alive = await api.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        await WaitForAsync<long>(db, n => n == 0,
            "SELECT count(*) FROM webhook_events WHERE state = 'received' AND body = ANY($1)", (object)bodies.ToArray());
        Assert.Equal(0L, await ScalarAsync<long>(db,
            "SELECT count(*) FROM webhook_events WHERE state = 'failed' AND body = ANY($1)", (object)bodies.ToArray()));
    }

    private static async Task PostAndCheckAsync(HttpClient api, string platform, byte[] body, List<byte[]> bodies)
    {
        using var response = await PostAsync(api, platform, body);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = Encoding.UTF8.GetString(body);
            Assert.Fail($"{(int)response.StatusCode} for {platform} body: {text[..Math.Min(text.Length, 2000)]}");
        }

        bodies.Add(body);
    }

    private static byte[] Mutate(byte[] body, (int Kind, double Where, int Value)[] mutations)
    {
        var bytes = body.ToList();
        foreach (var (kind, where, value) in mutations)
        {
            var at = Math.Min(bytes.Count - 1, (int)(where * bytes.Count));
            switch (kind)
            {
                case 0: // flip one byte (may break UTF-8 or JSON)
                    bytes[at] = (byte)value;
                    break;
                case 1: // cut a span
                    bytes.RemoveRange(at, Math.Min(value % 40, bytes.Count - at));
                    break;
                case 2: // insert a nasty value where a value might start
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(NastyValues[value % NastyValues.Length]));
                    break;
                default: // replace the next string value with a nasty value of another type
                    var text = Encoding.UTF8.GetString(bytes.ToArray());
                    var start = text.IndexOf("\": \"", Math.Min(text.Length, (int)(where * text.Length)), StringComparison.Ordinal);
                    if (start >= 0)
                    {
                        var end = text.IndexOf('"', start + 4);
                        if (end > 0)
                        {
                            text = text[..(start + 3)] + NastyValues[value % NastyValues.Length] + text[(end + 1)..];
                            bytes = Encoding.UTF8.GetBytes(text).ToList();
                        }
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    private static string RandomMetaJson(Random random, bool whatsapp, string[] accounts)
    {
        var builder = new StringBuilder();
        builder.Append("{\"object\":").Append(random.Next(10) == 0 ? "\"page\"" : whatsapp ? "\"whatsapp_business_account\"" : "\"instagram\"");
        builder.Append(",\"entry\":");
        AppendValue(builder, random, accounts, depth: 0);
        builder.Append('}');
        return builder.ToString();
    }

    private static void AppendValue(StringBuilder builder, Random random, string[] accounts, int depth)
    {
        var choice = depth > 6 ? random.Next(4, 10) : random.Next(10);
        switch (choice)
        {
            case < 2:
                builder.Append('[');
                for (var i = random.Next(4); i > 0; i--)
                {
                    AppendValue(builder, random, accounts, depth + 1);
                    builder.Append(i > 1 ? "," : "");
                }

                builder.Append(']');
                break;
            case < 4:
                builder.Append('{');
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    builder.Append('"').Append(MetaKeys[random.Next(MetaKeys.Length)]).Append("\":");
                    AppendValue(builder, random, accounts, depth + 1);
                    builder.Append(i > 1 ? "," : "");
                }

                builder.Append('}');
                break;
            case < 6:
                builder.Append('"').Append(accounts[random.Next(accounts.Length)]).Append('"');
                break;
            case < 7:
                builder.Append('"').Append(random.Next(3) switch { 0 => "text", 1 => "sent", _ => "read" }).Append('"');
                break;
            case < 8:
                builder.Append(random.NextInt64(-10, 5_000_000_000_000));
                break;
            default:
                builder.Append(NastyValues[random.Next(NastyValues.Length)]);
                break;
        }
    }
}
