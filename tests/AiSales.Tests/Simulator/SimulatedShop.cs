using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

/// <summary>
/// A merchant of its own, made through the real admin and merchant APIs, whose channel the simulator's Graph
/// API accepts; its customer writes through the simulator (signed webhooks), and the tests read the outcome
/// through the merchant API and the simulator's Graph request log.
/// </summary>
public sealed record SimulatedShop(HttpClient Api, HttpClient Simulator, string Platform, string AccountId, string Customer)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    /// <summary>The shop, its channel connected (on WhatsApp with Meta's <paramref name="catalogId"/> when given).</summary>
    public static async Task<SimulatedShop> CreateAsync(AppHostFixture fixture, string platform, string name, string? catalogId = null)
    {
        var simulator = fixture.CreateHttpClient("meta-simulator");
        var api = fixture.CreateHttpClient("api");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name }) };
        create.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var created = await api.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        api.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);

        var whatsApp = platform == "whatsapp";
        var accountId = whatsApp ? "20" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999) : "1785" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        (await simulator.PostAsJsonAsync("/simulator/accounts", new { platform, accountId, accessToken = token })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/merchant/channels/{platform}", whatsApp
            ? new { phoneNumberId = accountId, accessToken = token, catalogId } as object
            : new { accountId, accessToken = token })).EnsureSuccessStatusCode();
        var customer = whatsApp ? "9665" + Random.Shared.Next(10_000_000, 99_999_999) : Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString();
        var shop = new SimulatedShop(api, simulator, platform, accountId, customer);
        await shop.AddProductAsync("Black Bag", 420m);
        return shop;
    }

    public async Task AddProductAsync(string productName, decimal price, string? sku = null) =>
        (await Api.PostAsJsonAsync("/api/products", new
        {
            sku = sku ?? "SKU-" + Guid.NewGuid().ToString("N")[..8], name = productName, description = productName + ", from the test catalogue",
            price, currency = "SAR", stock = 20, active = true,
        })).EnsureSuccessStatusCode();

    public async Task CustomerWritesAsync(string text)
    {
        using var response = await Simulator.PostAsJsonAsync($"/simulator/chats/{Platform}/{Customer}/messages?account={AccountId}", new { text });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, result.GetProperty("apiStatus").GetInt32());
    }

    /// <summary>The customer writes, then waits for the shop's next accepted reply at the Graph API and returns its text.</summary>
    public async Task<string> CustomerWritesAndGetsReplyAsync(string text)
    {
        var before = (await SentRepliesAsync()).Count;
        await CustomerWritesAsync(text);
        List<string> replies = [];
        await WaitForAsync(async () => (replies = await SentRepliesAsync()).Count > before);
        return replies[before];
    }

    /// <summary>The texts of the replies the Graph API accepted for this shop's customer, oldest first.</summary>
    public async Task<List<string>> SentRepliesAsync() =>
        (await GraphRequestsAsync())
            .Where(r => r.GetProperty("statusCode").GetInt32() == 200)
            .Select(r => JsonDocument.Parse(r.GetProperty("body").GetString()!).RootElement)
            .Select(b => Platform == "instagram" ? b.GetProperty("message").GetProperty("text").GetString()!
                : b.TryGetProperty("text", out var text) ? text.GetProperty("body").GetString()! : b.GetProperty("interactive").GetProperty("body").GetProperty("text").GetString()!)
            .ToList();

    /// <summary>The sends to this shop's account, oldest first: read receipts, typing indicators and sender actions left out.</summary>
    public async Task<List<JsonElement>> GraphRequestsAsync() =>
        (await Simulator.GetFromJsonAsync<List<JsonElement>>($"/simulator/graph/requests?accountId={AccountId}"))!
            .Where(r => !IsSignal(r.GetProperty("body").GetString()))
            .ToList();

    private static bool IsSignal(string? body)
    {
        try
        {
            var root = JsonDocument.Parse(body ?? "").RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("sender_action", out _) || (root.TryGetProperty("status", out var status) && status.GetString() == "read"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public async Task<JsonElement> WhatsAppChannelAsync()
    {
        var profile = await Api.GetFromJsonAsync<JsonElement>("/api/merchant");
        return profile.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("platform").GetString() == "whatsapp");
    }

    public async Task<JsonElement> WaitForOutboundAsync(Func<JsonElement, bool> match)
    {
        JsonElement found = default;
        await WaitForAsync(async () =>
        {
            var conversations = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations?platform={Platform}");
            foreach (var conversation in conversations.GetProperty("items").EnumerateArray())
            {
                var messages = await Api.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation.GetProperty("id").GetString()}/messages");
                foreach (var message in messages.GetProperty("items").EnumerateArray())
                {
                    if (message.GetProperty("direction").GetString() == "outbound" && match(message))
                    {
                        found = message.Clone();
                        return true;
                    }
                }
            }

            return false;
        });
        return found;
    }

    public async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Not reached within {Timeout}; Graph requests: {JsonSerializer.Serialize(await GraphRequestsAsync())}");
    }
}
