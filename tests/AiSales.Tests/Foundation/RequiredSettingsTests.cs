namespace AiSales.Tests.Foundation;

[Collection(AppHostCollection.Name)]
public sealed class RequiredSettingsTests(AppHostFixture fixture)
{
    [Theory]
    [InlineData("AiSales.Api", "Meta__AppSecret")]
    [InlineData("AiSales.Api", "Meta__VerifyToken")]
    [InlineData("AiSales.Api", "Admin__ApiKey")]
    [InlineData("AiSales.Api", "ENCRYPTION_KEY_HEX")]
    [InlineData("AiSales.Api", "ConnectionStrings__aisalesdb")]
    [InlineData("AiSales.AiAgent", "ConnectionStrings__aisalesdb")]
    [InlineData("AiSales.AiAgent", "ENCRYPTION_KEY_HEX")]
    [InlineData("AiSales.MigrationService", "ConnectionStrings__aisalesdb")]
    public async Task ServiceWithoutRequiredSettingExitsAndNamesTheKey(string service, string missingKey)
    {
        var environment = service == "AiSales.AiAgent" ? fixture.AgentEnvironment() : fixture.ApiEnvironment();
        environment.Remove(missingKey);

        await using var process = ServiceProcess.Start(service, environment, http: service != "AiSales.MigrationService");
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(process.Output.Split('\n'), l => l.Contains(missingKey, StringComparison.Ordinal));
        Assert.Contains("cannot start", line);
    }

    [Fact]
    public async Task MalformedEncryptionKeyIsRejectedWithoutEchoingIt()
    {
        var environment = fixture.ApiEnvironment();
        environment["ENCRYPTION_KEY_HEX"] = "not-hex-and-too-short-secretvalue";

        await using var process = ServiceProcess.Start("AiSales.Api", environment, http: true);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ENCRYPTION_KEY_HEX must be 64 hex characters", process.Output);
        Assert.DoesNotContain("secretvalue", process.Output);
    }

    [Theory]
    [InlineData("AiSales.Api")]
    [InlineData("AiSales.AiAgent")]
    public async Task MalformedConnectionStringIsOneLineNotACrashAndNeverEchoed(string service)
    {
        var environment = service == "AiSales.AiAgent" ? fixture.AgentEnvironment() : fixture.ApiEnvironment();
        environment["ConnectionStrings__aisalesdb"] = "not a connection string, password hunter2";

        await using var process = ServiceProcess.Start(service, environment, http: true);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(process.Output.Split('\n'), l => l.Contains("ConnectionStrings__aisalesdb", StringComparison.Ordinal));
        Assert.Contains("is not a PostgreSQL connection string", line);
        Assert.DoesNotContain("hunter2", process.Output);
        Assert.DoesNotContain("Unhandled exception", process.Output);
    }

    [Fact]
    public async Task UnknownAiProviderIsRejected()
    {
        var environment = fixture.AgentEnvironment();
        environment["AI__Provider"] = "llama-on-a-laptop";

        await using var process = ServiceProcess.Start("AiSales.AiAgent", environment, http: true);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("AI__Provider must be one of offline, openai, azure-openai", process.Output);
    }
}
