using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Npgsql;

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
    public async Task TheLocalServersTrustedSocketIsClosedToOtherUsers()
    {
        if (OperatingSystem.IsWindows() || AppHostFixtureEnvironment.InfrastructureMode != "executables")
        {
            return; // a container's server is not the AppHost's local executable; Windows has no such socket
        }

        await using var db = fixture.CreateDataSource();
        await using var command = db.CreateCommand(
            "SELECT current_setting('unix_socket_directories'), current_setting('unix_socket_permissions'), current_setting('port')");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var socket = Path.Combine(reader.GetString(0).Split(',')[0].Trim(), $".s.PGSQL.{reader.GetString(2)}");

        // initdb --auth-local=trust: whoever can open the socket is the superuser, so only the server's own user may.
        Assert.Equal("0700", reader.GetString(1));
        var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(socket) & others);
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
