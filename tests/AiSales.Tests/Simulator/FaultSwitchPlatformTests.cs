using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AiSales.Tests.Simulator;

/// <summary>
/// Each simulator fault switch, through the whole platform: a customer writes through the simulator, the
/// agent answers through the simulated Graph API, and what happened is visible through the merchant API.
/// Each test has its own merchant and WhatsApp number, so the faults touch nothing else.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class FaultSwitchPlatformTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

    [Theory]
    [InlineData("Throttle")]
    [InlineData("ServerError")]
    public async Task TransientFaultIsRetriedAndTheReplyDelivered(string mode)
    {
        var shop = await ShopWithFaultAsync(mode, count: 1);

        await shop.CustomerWritesAsync("Do you have a black bag?");

        var reply = await shop.WaitForOutboundAsync(m => m.GetProperty("deliveryStatus").GetString() is "sent" or "delivered" or "read");
        Assert.Contains("Black Bag", reply.GetProperty("text").GetString());
        var requests = await shop.GraphRequestsAsync();
        Assert.True(requests.Count >= 2, $"expected a failed attempt and a retry, saw {requests.Count} Graph requests");
        Assert.Equal(200, requests[^1].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task WindowClosedMarksTheReplyFailedWithoutRetrying()
    {
        var shop = await ShopWithFaultAsync("WindowClosed", count: null);

        await shop.CustomerWritesAsync("Do you have a black bag?");

        var reply = await shop.WaitForOutboundAsync(m => m.GetProperty("deliveryStatus").GetString() == "failed");
        Assert.Equal(131047, reply.GetProperty("errorCode").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await shop.GraphRequestsAsync());
    }

    [Fact]
    public async Task TokenExpiredDisconnectsTheChannelAndStopsSends()
    {
        var shop = await ShopWithFaultAsync("TokenExpired", count: null);

        await shop.CustomerWritesAsync("Do you have a black bag?");

        await shop.WaitForAsync(async () => !(await shop.WhatsAppChannelAsync()).GetProperty("connected").GetBoolean());
        var requestsAfterDisconnect = (await shop.GraphRequestsAsync()).Count;
        await shop.CustomerWritesAsync("Hello? Anyone there?");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(requestsAfterDisconnect, (await shop.GraphRequestsAsync()).Count);
        Assert.Equal("disconnected", (await shop.WhatsAppChannelAsync()).GetProperty("status").GetString());
    }

    private async Task<TestShop> ShopWithFaultAsync(string mode, int? count)
    {
        var simulator = fixture.CreateHttpClient("meta-simulator");
        var api = fixture.CreateHttpClient("api");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/merchants") { Content = JsonContent.Create(new { name = $"Fault {mode} shop" }) };
        create.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var created = await api.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        api.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);

        var phoneNumberId = "20" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999);
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        (await api.PutAsJsonAsync("/api/merchant/channels/whatsapp", new { phoneNumberId, accessToken = token })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/products", new
        {
            sku = "BAG-" + Guid.NewGuid().ToString("N")[..8], name = "Black Bag", description = "Leather handbag",
            price = 420m, currency = "SAR", stock = 5, active = true,
        })).EnsureSuccessStatusCode();
        (await simulator.PostAsJsonAsync("/simulator/accounts", new { platform = "whatsapp", accountId = phoneNumberId, accessToken = token })).EnsureSuccessStatusCode();
        using var fault = await simulator.PutAsJsonAsync($"/simulator/faults/{phoneNumberId}", new { mode, count });
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        return new TestShop(api, simulator, phoneNumberId, "9665" + Random.Shared.Next(10_000_000, 99_999_999));
    }

    private sealed record TestShop(HttpClient Api, HttpClient Simulator, string PhoneNumberId, string Customer)
    {
        public async Task CustomerWritesAsync(string text)
        {
            using var response = await Simulator.PostAsJsonAsync($"/simulator/chats/whatsapp/{Customer}/messages?account={PhoneNumberId}", new { text });
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(200, result.GetProperty("apiStatus").GetInt32());
        }

        public async Task<List<JsonElement>> GraphRequestsAsync() =>
            (await Simulator.GetFromJsonAsync<List<JsonElement>>($"/simulator/graph/requests?accountId={PhoneNumberId}"))!;

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
                var conversations = await Api.GetFromJsonAsync<JsonElement>("/api/conversations?platform=whatsapp");
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
            var deadline = DateTime.UtcNow + s_timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (await condition())
                {
                    return;
                }

                await Task.Delay(250);
            }

            throw new TimeoutException($"Not reached within {s_timeout}; Graph requests: {JsonSerializer.Serialize(await GraphRequestsAsync())}");
        }
    }
}
