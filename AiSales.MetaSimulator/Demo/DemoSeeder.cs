using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AiSales.MetaSimulator.Customers;
using AiSales.MetaSimulator.Graph;
using Microsoft.Extensions.Options;

namespace AiSales.MetaSimulator.Demo;

/// <summary>
/// Creates the demo shop through the real admin and merchant APIs: a merchant, its AI configuration, a
/// WhatsApp number and an Instagram account (whose tokens the simulated Graph API then accepts), and a
/// catalogue of about thirty products. Idempotent: what it created is remembered in a state file, and
/// reused while the API still knows the merchant's key (a new local database means a new demo shop).
/// </summary>
public sealed class DemoSeeder(
    ApiClient api, AccountRegistry accounts, DemoState state, IConfiguration configuration,
    IOptions<SimulatorOptions> options, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string ShopName = AccountRegistry.DemoDisplayName;

    private sealed record SavedDemo(string ApiKey, string WhatsAppPhoneNumberId, string WhatsAppToken, string InstagramAccountId, string InstagramToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedDemo)
        {
            state.Status = "disabled";
            return;
        }

        state.ShopName = ShopName;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var demo = await ReuseAsync(stoppingToken) ?? await CreateAsync(stoppingToken);
                accounts.Register(new SimulatedAccount(Platform.WhatsApp, demo.WhatsAppPhoneNumberId, demo.WhatsAppToken, ShopName));
                accounts.Register(new SimulatedAccount(Platform.Instagram, demo.InstagramAccountId, demo.InstagramToken, ShopName));
                state.Status = "ready";
                state.Error = null;
                logger.LogInformation("Demo shop ready: WhatsApp {PhoneNumberId}, Instagram {AccountId}", demo.WhatsAppPhoneNumberId, demo.InstagramAccountId);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or DemoSeedingException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                state.Error = ex.Message;
                logger.LogWarning("Demo data not created yet (attempt {Attempt}): {Reason}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken);
            }
        }
    }

    private async Task<SavedDemo?> ReuseAsync(CancellationToken cancellationToken)
    {
        var path = StatePath();
        if (!File.Exists(path))
        {
            return null;
        }

        var saved = JsonSerializer.Deserialize<SavedDemo>(await File.ReadAllTextAsync(path, cancellationToken));
        if (saved is null)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/merchant");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", saved.ApiKey);
        using var response = await api.Http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? saved : null;
    }

    private async Task<SavedDemo> CreateAsync(CancellationToken cancellationToken)
    {
        using (var health = await api.Http.GetAsync("/health", cancellationToken))
        {
            if (health.StatusCode != HttpStatusCode.OK)
            {
                throw new DemoSeedingException($"the API is not ready yet ({(int)health.StatusCode})");
            }
        }

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = ShopName, ownerEmail = options.Value.DemoOwnerEmail }) };
        create.Headers.Add("X-Admin-Key", configuration["Admin:ApiKey"]);
        using var created = await api.Http.SendAsync(create, cancellationToken);
        await EnsureAsync(created, "create the demo merchant");
        var merchant = await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var apiKey = merchant.GetProperty("apiKey").GetString() ?? throw new DemoSeedingException("no apiKey in the merchant response");
        await SetOwnerPasswordAsync(merchant, cancellationToken);

        var demo = new SavedDemo(
            apiKey,
            WhatsAppPhoneNumberId: "1065" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999),
            WhatsAppToken: "EAAG-sim-wa-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            InstagramAccountId: "178414" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999),
            InstagramToken: "IGQV-sim-ig-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

        await SendAsMerchantAsync(HttpMethod.Put, "/api/merchant/ai-config", new
        {
            assistantName = "نور | Noor",
            persona = "A warm, concise sales assistant for a Gulf fashion and gifts boutique.",
            language = "auto",
            greeting = "أهلاً وسهلاً! كيف أقدر أساعدك؟ | Welcome! How can I help?",
            aiEnabled = true,
            handoffKeywords = new[] { "شكوى", "complaint" },
            faq = DemoFaq.Entries,
        }, apiKey, "configure the assistant", cancellationToken);
        // The API asks the Graph API (this simulator) whether the tokens own the accounts before connecting them.
        accounts.Register(new SimulatedAccount(Platform.WhatsApp, demo.WhatsAppPhoneNumberId, demo.WhatsAppToken, ShopName));
        accounts.Register(new SimulatedAccount(Platform.Instagram, demo.InstagramAccountId, demo.InstagramToken, ShopName));
        await SendAsMerchantAsync(HttpMethod.Put, "/api/merchant/channels/whatsapp",
            new { phoneNumberId = demo.WhatsAppPhoneNumberId, accessToken = demo.WhatsAppToken, wabaId = DemoTemplates.WabaId }, apiKey, "connect WhatsApp", cancellationToken);
        await SendAsMerchantAsync(HttpMethod.Put, "/api/merchant/channels/instagram",
            new { accountId = demo.InstagramAccountId, accessToken = demo.InstagramToken }, apiKey, "connect Instagram", cancellationToken);
        await SendAsMerchantAsync(HttpMethod.Post, "/api/products/import",
            DemoCatalogue.Products.Select(p => new { sku = p.Sku, name = p.Name, description = p.Description, price = p.Price, currency = p.Currency, stock = p.Stock }),
            apiKey, "import the catalogue", cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(StatePath())!);
        await File.WriteAllTextAsync(StatePath(), JsonSerializer.Serialize(demo), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(StatePath(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return demo;
    }

    /// <summary>Uses the owner's one-time invite at once, so the console's demo sign-in works from the first run.</summary>
    private async Task SetOwnerPasswordAsync(JsonElement merchant, CancellationToken cancellationToken)
    {
        var url = merchant.TryGetProperty("ownerInvite", out var invite) ? invite.GetProperty("url").GetString() : null;
        var token = url is null ? null : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)["token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            throw new DemoSeedingException("no ownerInvite in the merchant response");
        }

        using var accepted = await api.Http.PostAsJsonAsync(
            "/api/auth/invites/accept", new { token, password = options.Value.DemoOwnerPassword }, cancellationToken);
        await EnsureAsync(accepted, "set the demo owner's password");
    }

    private async Task SendAsMerchantAsync(HttpMethod method, string path, object body, string apiKey, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await api.Http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, what);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync();
            throw new DemoSeedingException($"could not {what}: {(int)response.StatusCode} {detail[..Math.Min(detail.Length, 300)]}");
        }
    }

    // One state file per API address, private to the user: it holds the demo merchant's API key.
    private string StatePath() => Path.Combine(Path.GetTempPath(), "aisales-simulator",
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.Value.ApiBaseUrl)))[..16] + ".json");
}

public sealed class DemoSeedingException(string message) : Exception(message);
