using AiSales.Core.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AiSales.UnitTests.Operations;

/// <summary>Start-up rules: a bad value is one line naming the setting, never the value, never a crash.</summary>
public sealed class SettingRuleTests
{
    private static readonly IHostEnvironment Production = new HostingEnvironment { EnvironmentName = Environments.Production };

    [Theory]
    [InlineData("Host=db;Database=aisalesdb;Username=app;Password=secret")]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres;Password=p;Database=aisalesdb;Timeout=2")]
    public void APostgresConnectionStringThatParsesPasses(string value) =>
        Assert.Null(SettingRule.PostgresConnectionString("aisalesdb").Check(value, Production));

    [Theory]
    [InlineData("not a connection string, password hunter2")]
    [InlineData("Host=db;Colour=blue;Password=hunter2")]
    public void AMalformedPostgresConnectionStringIsAProblemThatDoesNotQuoteIt(string value)
    {
        var problem = SettingRule.PostgresConnectionString("aisalesdb").Check(value, Production);

        Assert.StartsWith("is not a PostgreSQL connection string", problem);
        Assert.DoesNotContain("hunter2", problem);
    }

    [Fact]
    public void AMissingConnectionStringIsMissing() =>
        Assert.Equal("is missing", SettingRule.PostgresConnectionString("aisalesdb").Check(" ", Production));

    [Theory]
    [InlineData("AiSales.Api", "api")]
    [InlineData("AiSales.AiAgent", "ai-agent")]
    [InlineData("AiSales.Web", "web")]
    [InlineData("AiSales.MigrationService", "migrations")]
    [InlineData("Something.Else", "Something.Else")]
    public void OutsideTheAppHostTelemetryNamesAServiceAsTheAppHostDoes(string application, string name) =>
        Assert.Equal(name, ServiceHost.ServiceName(application));
}
