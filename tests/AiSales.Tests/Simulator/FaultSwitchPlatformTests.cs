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
    public async Task SlowAnswerIsAwaitedAndTheReplyDeliveredOnce()
    {
        var shop = await ShopWithFaultAsync("Slow", count: 1, delayMilliseconds: 2000);

        await shop.CustomerWritesAsync("Do you have a black bag?");

        await shop.WaitForOutboundAsync(m => m.GetProperty("deliveryStatus").GetString() is "sent" or "delivered" or "read");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var request = Assert.Single(await shop.GraphRequestsAsync());
        Assert.Equal(200, request.GetProperty("statusCode").GetInt32());
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

    private async Task<SimulatedShop> ShopWithFaultAsync(string mode, int? count, int? delayMilliseconds = null)
    {
        var shop = await SimulatedShop.CreateAsync(fixture, "whatsapp", $"Fault {mode} shop");
        using var fault = await shop.Simulator.PutAsJsonAsync($"/simulator/faults/{shop.AccountId}", new { mode, count, delayMilliseconds });
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        return shop;
    }
}
