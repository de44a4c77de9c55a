using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace AiSales.Tests.Webhooks;

/// <summary>Loads the Meta fixtures (rewriting ids per test) and POSTs bodies signed like Meta signs them.</summary>
public static class WebhookTestClient
{
    // The ids inside the fixture files, replaced per test so tests never share accounts or messages.
    public const string FixtureWhatsAppPhoneNumberId = "106540352242922";
    public const string FixtureWhatsAppCustomer = "16505551234";
    public const string FixtureInstagramAccount = "17841400000000001";
    public const string FixtureInstagramCustomer = "1234567890123456";

    /// <summary>The replacements that give a WhatsApp fixture this test's number and customer, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string> WhatsAppFixtureIds(string phoneNumberId, string customer, params (string From, string To)[] more)
    {
        var map = new Dictionary<string, string>
        {
            [FixtureWhatsAppPhoneNumberId] = phoneNumberId,
            [FixtureWhatsAppCustomer] = customer,
        };
        foreach (var (from, to) in more)
        {
            map[from] = to;
        }

        return map;
    }

    public static string Fixture(string name, IDictionary<string, string>? replacements = null)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Webhooks", "Fixtures", name));
        foreach (var (from, to) in replacements ?? new Dictionary<string, string>())
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }

    public static string Sign(byte[] body, string secret = AppHostFixture.MetaAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string platform, string body) =>
        PostAsync(client, platform, Encoding.UTF8.GetBytes(body));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string platform, byte[] body, string? signature = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{platform}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature == "" ? Sign(body) : signature);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.SendAsync(request, timeout.Token);
    }
}
