using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiSales.Tests.Webhooks;

namespace AiSales.Tests.Conversations;

/// <summary>
/// One conversation's merchant, made through the public routes only: the admin API creates it, its channel is
/// connected against the fake Graph, the catalogue is imported and the assistant (with its faq) configured. The
/// customer writes through signed webhooks; the outcome is read through the merchant API.
/// </summary>
public sealed class ConversationShop : IDisposable
{
    private readonly HttpClient _api;
    private readonly ConversationGraph _graph;
    private readonly string _profileName;
    private readonly WebhookPayloads _payloads;
    private string? _conversationId;

    private ConversationShop(HttpClient api, ConversationGraph graph, string platform, string accountId, string customer, string profileName)
    {
        _api = api;
        _graph = graph;
        _profileName = profileName;
        Platform = platform;
        AccountId = accountId;
        Customer = customer;
        _payloads = new WebhookPayloads(platform, accountId, customer);
    }

    public string Platform { get; }

    public string AccountId { get; }

    /// <summary>The WhatsApp number (wa_id) or the Instagram-scoped id of the customer.</summary>
    public string Customer { get; }

    /// <summary>False when PUT /api/merchant/ai-config did not keep the faq (the field is not on this branch yet).</summary>
    public bool FaqSupported { get; private set; }

    public static async Task<ConversationShop> OpenAsync(ConversationFixture fixture, ConversationScript script)
    {
        var data = ShopData.Load(script.Shop);
        var api = fixture.CreateApiClient();
        api.Timeout = TimeSpan.FromSeconds(30);
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = data.MerchantName }) };
        create.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var created = await api.SendAsync(create);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/admin/merchants: {created.StatusCode}");
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString());

        var whatsApp = script.Platform == "whatsapp";
        var accountId = (whatsApp ? "30" : "1786") + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        fixture.Graph.Register(accountId, token);
        await SucceedsAsync(api.PutAsJsonAsync($"/api/merchant/channels/{script.Platform}", whatsApp
            ? new { phoneNumberId = accountId, accessToken = token } as object
            : new { accountId, accessToken = token }), "connect the channel");
        await SucceedsAsync(api.PostAsJsonAsync("/api/products/import", data.Products.Select(p => new
        {
            p.Sku, p.Name, p.Description, p.Price, p.Currency, p.Stock, p.Active,
        })), "import the catalogue");
        await SucceedsAsync(api.PutAsJsonAsync("/api/merchant/ai-config", data.Assistant), "configure the assistant");

        var customer = whatsApp ? "9665" + Random.Shared.Next(10_000_000, 99_999_999) : Random.Shared.NextInt64(1_000_000_000_000_000, 9_000_000_000_000_000).ToString();
        var shop = new ConversationShop(api, fixture.Graph, script.Platform, accountId, customer, script.ProfileName ?? "Abu Khalid");
        var config = await api.GetFromJsonAsync<JsonElement>("/api/merchant/ai-config");
        shop.FaqSupported = config.TryGetProperty("faq", out var faq) && faq.ValueKind == JsonValueKind.Array && faq.GetArrayLength() > 0;
        return shop;
    }

    public int ReplyCount => _graph.Replies(AccountId).Count;

    public IReadOnlyList<string> RepliesSince(int count) => _graph.Replies(AccountId).Skip(count).ToList();

    /// <summary>Posts each message as its own signed webhook, back to back, as a customer typing fast does.</summary>
    public async Task SayAsync(IEnumerable<string> messages)
    {
        foreach (var text in messages)
        {
            var body = _payloads.Text(text, _profileName);
            using var response = await WebhookTestClient.PostAsync(_api, Platform, body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /webhooks/{Platform}: {response.StatusCode}");
        }
    }

    /// <summary>The conversation's status (ai/human) through GET /api/conversations/{id}; null before it exists.</summary>
    public async Task<string?> StatusAsync()
    {
        if (_conversationId is null)
        {
            var page = await _api.GetFromJsonAsync<JsonElement>($"/api/conversations?platform={Platform}");
            var first = page.GetProperty("items").EnumerateArray().FirstOrDefault();
            if (first.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            _conversationId = first.GetProperty("id").GetString();
        }

        var conversation = await _api.GetFromJsonAsync<JsonElement>($"/api/conversations/{_conversationId}");
        return conversation.GetProperty("status").GetString();
    }

    /// <summary>The newest order that holds an item or is not a draft (GET /api/orders, then /api/orders/{id}); null when none.</summary>
    public async Task<JsonElement?> LatestOrderAsync()
    {
        var page = await _api.GetFromJsonAsync<JsonElement>("/api/orders?limit=100");
        foreach (var summary in page.GetProperty("items").EnumerateArray())
        {
            if (summary.GetProperty("itemCount").GetInt32() > 0 || summary.GetProperty("status").GetString() != "draft")
            {
                return await _api.GetFromJsonAsync<JsonElement>($"/api/orders/{summary.GetProperty("id").GetString()}");
            }
        }

        return null;
    }

    private static async Task SucceedsAsync(Task<HttpResponseMessage> call, string what)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _api.Dispose();
}
