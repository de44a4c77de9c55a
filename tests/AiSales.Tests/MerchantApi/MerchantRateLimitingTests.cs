using System.Net;
using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantRateLimitingTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task PastTheLimitAKeyGetsTooManyRequestsWithRetryAfterWhileOtherKeysGoOn()
    {
        await using var api = new MerchantApiFactory(fixture.Platform, new Dictionary<string, string>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "60",
        });
        var limited = await CreateMerchantAsync(api);
        var other = await CreateMerchantAsync(api);
        using var client = api.CreateMerchantClient(limited.ApiKey);
        using var otherClient = api.CreateMerchantClient(other.ApiKey);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders", Timeout())).StatusCode);
        }

        using var rejected = await client.GetAsync("/api/orders", Timeout());

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Contains("3 requests per 60 s", (await rejected.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/api/orders", Timeout())).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Timeout())).StatusCode);
        }
    }

    [Fact]
    public async Task ASignedInPersonHasALargerWindowThanAKeyOfTheSameShop()
    {
        await using var api = new MerchantApiFactory(fixture.Platform, new Dictionary<string, string>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:PersonPermitLimit"] = "6",
            ["RateLimiting:WindowSeconds"] = "60",
        });
        using var anonymous = api.CreateClient();
        var shop = await MerchantConsole.ConsoleTestData.CreateMerchantAsync(anonymous);
        var person = await MerchantConsole.ConsoleTestData.ActivateAndSignInAsync(anonymous, shop.OwnerEmail, shop.InviteToken);
        using var key = api.CreateMerchantClient(shop.ApiKey);

        var byPerson = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await MerchantConsole.ConsoleTestData.SendAsync(anonymous, HttpMethod.Get, "/api/orders", person);
            byPerson.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("signed-in person is limited to 6 requests per 60 s", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
            }
        }

        var byKey = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await key.GetAsync("/api/orders", Timeout());
            byKey.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 6), HttpStatusCode.TooManyRequests], byPerson);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 3), HttpStatusCode.TooManyRequests], byKey);
    }

    [Fact]
    public async Task OneMerchantsRequestsInProgressAreCappedWhileOtherMerchantsAndItsEventStreamGoOn()
    {
        await using var api = new MerchantApiFactory(fixture.Platform, new Dictionary<string, string>
        {
            ["RateLimiting:ConcurrentRequests"] = "1",
            ["RateLimiting:QueuedRequests"] = "0",
        });
        // Real sockets: TestServer would not start a request before its whole body is there.
        api.UseKestrel(0);
        api.StartServer();
        var busy = await CreateMerchantAsync(api);
        var other = await CreateMerchantAsync(api);
        using var client = api.CreateMerchantClient(busy.ApiKey);
        using var otherClient = api.CreateMerchantClient(other.ApiKey);
        using var closeEvents = new CancellationTokenSource();
        var events = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, closeEvents.Token);
        // An import whose body is still arriving holds the merchant's only permit.
        var slowBody = new HeldContent("sku,name,description,price,currency,stock\nH-1,Held,,5,SAR,1\n");
        slowBody.Headers.ContentType = new("text/csv");
        using var giveUp = new CancellationTokenSource();
        // A plain client: the factory's own clients buffer a request body whole before sending it (to replay redirects).
        using var uploader = new HttpClient { BaseAddress = client.BaseAddress };
        uploader.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var import = uploader.PostAsync("/api/products/import", slowBody, giveUp.Token);
        await slowBody.Started.WaitAsync(Timeout());
        var held = await WaitUntilAsync(() => AvailablePermits(api, busy.Id) == 0);

        using var refused = await client.GetAsync("/api/orders", Timeout());
        using var otherMerchant = await otherClient.GetAsync("/api/orders", Timeout());
        // The upload is abandoned: the permit must come back.
        await giveUp.CancelAsync();
        slowBody.Dispose();
        await Assert.ThrowsAnyAsync<Exception>(() => import);
        var released = await WaitUntilAsync(() => AvailablePermits(api, busy.Id) == 1);
        using var afterwards = await client.GetAsync("/api/orders", Timeout());
        var eventsStatus = events.StatusCode;
        await closeEvents.CancelAsync();
        events.Dispose();

        Assert.Equal(HttpStatusCode.OK, eventsStatus);
        Assert.True(held, "the import never took the merchant's permit");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("in progress", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, otherMerchant.StatusCode);
        Assert.True(released, "the abandoned import kept the merchant's permit");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public void OnlyMerchantRoutesCarryTheWindowAndTheConcurrencyLimitLetsRequestsWithoutAMerchantThrough()
    {
        var options = fixture.Api.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value;
        var anonymous = new DefaultHttpContext { RequestServices = fixture.Api.Services };
        var merchant = new DefaultHttpContext
        {
            RequestServices = fixture.Api.Services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(MerchantPrincipal.MerchantIdClaim, Guid.NewGuid().ToString())], "test")),
        };
        var settings = fixture.Api.Services.GetRequiredService<IOptions<RateLimitingSettings>>().Value;

        var anonymousLeases = Enumerable.Range(0, 1000).Select(_ => options.GlobalLimiter!.AttemptAcquire(anonymous)).ToList();
        var merchantLeases = Enumerable.Range(0, settings.ConcurrentRequests + 1).Select(_ => options.GlobalLimiter!.AttemptAcquire(merchant)).ToList();

        Assert.All(anonymousLeases, l => Assert.True(l.IsAcquired));
        Assert.Equal(settings.ConcurrentRequests, merchantLeases.Count(l => l.IsAcquired));
        anonymousLeases.Concat(merchantLeases).ToList().ForEach(l => l.Dispose());

        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var limited = endpoints.Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, e => Assert.StartsWith("/api/", e.RoutePattern.RawText));
        Assert.DoesNotContain(limited, e => e.RoutePattern.RawText!.StartsWith("/webhooks", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(limited, e => e.RoutePattern.RawText!.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase));
    }

    private static long? AvailablePermits(MerchantApiFactory api, Guid merchantId)
    {
        var limiter = api.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var merchant = new DefaultHttpContext
        {
            RequestServices = api.Services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(MerchantPrincipal.MerchantIdClaim, merchantId.ToString())], "test")),
        };
        return limiter.GetStatistics(merchant)?.CurrentAvailablePermits;
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Sends its first bytes at once and then stalls, like an upload that never finishes.</summary>
    private sealed class HeldContent(string text) : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
            await stream.FlushAsync();
            _started.TrySetResult();
            await _stalled.Task.WaitAsync(cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            _stalled.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
