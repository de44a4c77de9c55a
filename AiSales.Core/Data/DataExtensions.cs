using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using AiSales.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class DataExtensions
{
    public const string DatabaseName = "aisalesdb";
    public const string RedisName = "redis";

    /// <summary>
    /// PostgreSQL (required, the source of truth) and Redis (optional: absent or down means degraded),
    /// with the readiness checks that /health reports.
    /// </summary>
    public static TBuilder AddAiSalesData<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(DatabaseName, configureDataSourceBuilder: dataSource =>
        {
            // The same few statements run on every webhook and every turn: prepared once per connection, PostgreSQL
            // skips parsing and planning them again. A connection string that sets Max Auto Prepare keeps its value
            // (0 turns it off, e.g. behind a transaction-mode PgBouncer).
            // (NpgsqlConnectionStringBuilder.ContainsKey answers "is this a keyword", so look at what was given.)
            var given = dataSource.ConnectionStringBuilder.ConnectionString;
            if (!Regex.IsMatch(given, @"max\s*auto\s*prepare\s*=", RegexOptions.IgnoreCase))
            {
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
                dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }
        });

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisName)))
        {
            builder.AddRedisClient(
                RedisName,
                // Our own check reports Redis as degraded rather than unhealthy.
                settings => settings.DisableHealthChecks = true,
                options =>
                {
                    // Start and keep running while Redis is down; reconnect in the background.
                    options.AbortOnConnectFail = false;
                    options.ConnectTimeout = 2000;
                    options.SyncTimeout = 2000;
                    options.AsyncTimeout = 2000;
                });
        }

        builder.Services.AddHealthChecks()
            .AddCheck<SchemaVersionHealthCheck>("schema", HealthStatus.Unhealthy, ["ready"])
            .Add(new HealthCheckRegistration(
                "redis",
                sp => new RedisHealthCheck(sp.GetService<IConnectionMultiplexer>()),
                HealthStatus.Degraded,
                ["ready"]));

        return builder;
    }
}
