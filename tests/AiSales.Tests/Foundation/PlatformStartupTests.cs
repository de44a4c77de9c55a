using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace AiSales.Tests.Foundation;

[Collection(AppHostCollection.Name)]
public sealed class PlatformStartupTests(AppHostFixture fixture)
{
    [Fact]
    public async Task MigrationsFinishWithExitCodeZero()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var resourceEvent = await fixture.App.ResourceNotifications.WaitForResourceAsync(
            "migrations", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);

        Assert.Equal(0, resourceEvent.Snapshot.ExitCode);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("ai-agent")]
    public async Task ServiceReportsHealthyWithDatabaseSchemaAndRedis(string resource)
    {
        using var client = fixture.CreateHttpClient(resource);

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("schema").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("redis").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("api")]
    [InlineData("ai-agent")]
    public async Task ServiceAnswersAlive(string resource)
    {
        using var client = fixture.CreateHttpClient(resource);

        using var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownRouteAnswersProblemDetails()
    {
        using var client = fixture.CreateHttpClient("api");

        using var response = await client.GetAsync("/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
