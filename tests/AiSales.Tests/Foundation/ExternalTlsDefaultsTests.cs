using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The TLS defaults the external manifest puts in front of the operator's connection strings, read the way the
/// services read them: on unless the operator's string says otherwise.
/// </summary>
[Collection(ManifestCollection.Name)]
public sealed class ExternalTlsDefaultsTests(PublishedManifests manifests)
{
    [Theory]
    [InlineData("", SslMode.VerifyFull)]
    [InlineData(";SSL Mode=Require", SslMode.Require)]
    [InlineData(";SslMode=VerifyCA", SslMode.VerifyCA)]
    [InlineData(";sslmode=disable", SslMode.Disable)]
    public void ServicesConnectToPostgresWithVerifyFullUnlessTheOperatorChoosesAMode(string operatorSetting, SslMode expected)
    {
        var connectionString = Resolve("aisalesdb", "postgres-connection-string", "Host=db.example.net;Username=app;Password=p;Database=aisalesdb" + operatorSetting);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:aisalesdb"] = connectionString });
        builder.AddAiSalesData();
        using var host = builder.Build();
        var settings = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        Assert.Equal(expected, settings.SslMode);
        Assert.Equal("db.example.net", settings.Host);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(",ssl=false", false)]
    public void ServicesConnectToRedisWithTlsUnlessTheOperatorTurnsItOff(string operatorSetting, bool expected)
    {
        var connectionString = Resolve("redis", "redis-connection-string", "cache.example.net:6380,password=p,abortConnect=false" + operatorSetting);

        var options = ConfigurationOptions.Parse(connectionString);

        Assert.Equal(expected, options.Ssl);
        Assert.Equal(new DnsEndPoint("cache.example.net", 6380), options.EndPoints.Single());
    }

    /// <summary>What azd would hand a service: the manifest's expression with the parameter's value put in.</summary>
    private string Resolve(string resource, string parameter, string value) =>
        manifests.External.Resource(resource).GetProperty("connectionString").GetString()!
            .Replace($"{{{parameter}.value}}", value, StringComparison.Ordinal);
}
