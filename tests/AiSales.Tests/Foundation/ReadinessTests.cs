using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AiSales.Tests.Foundation;

/// <summary>/health is readiness: a deployed service is not ready before migrations ran, and Redis down is only degraded.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ReadinessTests(AppHostFixture fixture)
{
    [Fact]
    public async Task ApiOnUnmigratedDatabaseIsAliveButNotReady()
    {
        var environment = fixture.ApiEnvironment();
        environment["ConnectionStrings__aisalesdb"] = await fixture.CreateEmptyDatabaseAsync("unmigrated");
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var schema = health.RootElement.GetProperty("checks").GetProperty("schema");
        Assert.Equal("Unhealthy", schema.GetProperty("status").GetString());
        Assert.Equal("database reachable, schema not migrated", schema.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ApiWhoseDatabaseIsDownIsNotReadyAndItsHealthNamesNoHost()
    {
        var environment = fixture.ApiEnvironment();
        var port = ServiceProcess.FreeTcpPort();
        environment["ConnectionStrings__aisalesdb"] = $"Host=127.0.0.1;Port={port};Database=aisalesdb;Username=postgres;Password=unused;Timeout=2";
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(port.ToString(CultureInfo.InvariantCulture), body);
        Assert.DoesNotContain("127.0.0.1", body);
        using var health = JsonDocument.Parse(body);
        var schema = health.RootElement.GetProperty("checks").GetProperty("schema");
        Assert.Equal(("Unhealthy", "database unreachable"), (schema.GetProperty("status").GetString(), schema.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task ApiWithRedisDownIsDegradedButReady()
    {
        var environment = fixture.ApiEnvironment();
        // Port 1: nothing listens there, and it can never be the port the API itself was given.
        environment["ConnectionStrings__redis"] = "127.0.0.1:1";
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", health.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("schema").GetProperty("status").GetString());
    }
}
