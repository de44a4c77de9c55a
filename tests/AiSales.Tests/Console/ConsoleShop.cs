using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiSales.Tests.Webhooks;
using static AiSales.Tests.MerchantConsole.ConsoleTestData;

namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// A merchant whose WhatsApp number is registered in the simulator (the platform's Graph fake) and connected through
/// the real API, so customers' DMs arrive as signed webhooks and human replies really reach the Graph fake.
/// </summary>
public sealed record ConsoleShop(ConsoleMerchant Merchant, string PhoneNumberId, string AccessToken)
{
    /// <summary>The simulator's demo WhatsApp Business Account: its templates are the Graph fake's list.</summary>
    public const string DemoWabaId = "102290129340398";

    /// <summary>With <paramref name="wabaId"/>, the channel names its WhatsApp Business Account (for templates).</summary>
    public static async Task<ConsoleShop> CreateAsync(ConsoleFixture fixture, string? wabaId = null)
    {
        using var api = fixture.CreateApiClient();
        var merchant = await CreateMerchantAsync(api);
        var phoneNumberId = $"10{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        using var simulator = fixture.Platform.CreateHttpClient("meta-simulator");
        using (var registered = await simulator.PostAsJsonAsync(
            "/simulator/accounts", new { platform = "whatsapp", accountId = phoneNumberId, accessToken = token, displayName = merchant.Name }, Timeout()))
        {
            registered.EnsureSuccessStatusCode();
        }

        using var connected = await SendAsync(api, HttpMethod.Put, "/api/merchant/channels/whatsapp", merchant.ApiKey, new { phoneNumberId, accessToken = token, wabaId });
        Assert.True(connected.StatusCode == HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        return new ConsoleShop(merchant, phoneNumberId, token);
    }

    /// <summary>A customer's WhatsApp text, as Meta would deliver it; returns when the API acknowledged it (200).</summary>
    public async Task SendCustomerTextAsync(ConsoleFixture fixture, string customerPhone, string customerName, string text)
    {
        var body = JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[]
            {
                new
                {
                    id = "1022" + PhoneNumberId,
                    changes = new[]
                    {
                        new
                        {
                            field = "messages",
                            value = new
                            {
                                messaging_product = "whatsapp",
                                metadata = new { display_phone_number = "15550000000", phone_number_id = PhoneNumberId },
                                contacts = new[] { new { profile = new { name = customerName }, wa_id = customerPhone } },
                                messages = new[]
                                {
                                    new { from = customerPhone, id = $"wamid.{Guid.NewGuid():N}", timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(), type = "text", text = new { body = text } },
                                },
                            },
                        },
                    },
                },
            },
        });
        using var api = fixture.CreateApiClient();
        using var response = await WebhookTestClient.PostAsync(api, "whatsapp", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The Graph fake's log of sends from this shop's number.</summary>
    public async Task<List<JsonElement>> GraphRequestsAsync(ConsoleFixture fixture)
    {
        using var simulator = fixture.Platform.CreateHttpClient("meta-simulator");
        var log = await simulator.GetFromJsonAsync<List<JsonElement>>($"/simulator/graph/requests?accountId={PhoneNumberId}", Timeout());
        return log ?? [];
    }

    public static string NewCustomerPhone() => $"9665{Random.Shared.Next(10_000_000, 99_999_999)}";
}
