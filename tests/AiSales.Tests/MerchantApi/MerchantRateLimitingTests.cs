using System.Net;
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
    public void OnlyMerchantRoutesAreLimitedAndThereIsNoGlobalLimiter()
    {
        var options = fixture.Api.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value;
        Assert.Null(options.GlobalLimiter);

        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var limited = endpoints.Where(e => e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, e => Assert.StartsWith("/api/", e.RoutePattern.RawText));
        Assert.DoesNotContain(limited, e => e.RoutePattern.RawText!.StartsWith("/webhooks", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(limited, e => e.RoutePattern.RawText!.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase));
    }
}
