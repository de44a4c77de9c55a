using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The services' PostgreSQL data source prepares the statements they repeat (parse and plan once per connection) and
/// skips the connection reset on return to the pool, unless the operator's connection string decides otherwise.
/// </summary>
public sealed class DataSourceSettingsTests
{
    [Fact]
    public void StatementsAreAutoPreparedByDefault()
    {
        var settings = DataSourceSettings("Host=127.0.0.1;Port=1;Username=app;Password=secret;Database=aisalesdb");

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void ConnectionResetIsKeptWhenTheConnectionStringAsksForIt()
    {
        var settings = DataSourceSettings("Host=127.0.0.1;Port=1;Username=app;Password=secret;Database=aisalesdb;No Reset On Close=false");

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(64, settings.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("MaxAutoPrepare=10", 10)]
    [InlineData("max auto prepare = 5", 5)]
    public void ConnectionStringSettingIsKept(string setting, int expected)
    {
        var settings = DataSourceSettings($"Host=127.0.0.1;Port=1;Username=app;Password=secret;Database=aisalesdb;{setting}");

        Assert.Equal(expected, settings.MaxAutoPrepare);
    }

    private static NpgsqlConnectionStringBuilder DataSourceSettings(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:aisalesdb"] = connectionString });
        builder.AddAiSalesData();
        using var host = builder.Build();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        return new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
    }
}
