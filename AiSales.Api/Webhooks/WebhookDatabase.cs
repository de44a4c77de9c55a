using Npgsql;

namespace AiSales.Api.Webhooks;

/// <summary>
/// The webhook path's own connection pool (contract section 6: no amount of merchant API traffic may slow webhook
/// acknowledgements). The inbox writers, the normaliser and retention take connections from it, so merchant requests
/// queueing for the main pool (imports, bursts, a storm of bad keys) never make a webhook wait for a connection.
/// Sized to its users: Webhooks__InboxWriters + Webhooks__ProcessorWorkers + 4 (retention and spares); same server,
/// same connection string, shown in pg_stat_activity with its own application name.
/// </summary>
public static class WebhookDatabase
{
    public const string Key = "webhooks";

    public static IHostApplicationBuilder AddWebhookDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddKeyedSingleton<NpgsqlDataSource>(Key, (services, _) =>
        {
            var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value;
            var dataSource = new NpgsqlDataSourceBuilder(builder.Configuration.GetConnectionString(DataExtensions.DatabaseName));
            var settings = dataSource.ConnectionStringBuilder;
            DataExtensions.ApplyPoolDefaults(settings);
            settings.MaxPoolSize = options.InboxWriters + options.ProcessorWorkers + 4;
            settings.MinPoolSize = Math.Min(settings.MinPoolSize, settings.MaxPoolSize);
            if (!DataExtensions.IsGiven(settings.ConnectionString, "timeout"))
            {
                settings.Timeout = InboxTimeouts.ConnectSeconds(options.InboxCommitTimeout);
            }

            settings.ApplicationName = string.IsNullOrEmpty(settings.ApplicationName) ? "aisales-webhooks" : settings.ApplicationName + "-webhooks";
            dataSource.UseLoggerFactory(services.GetRequiredService<ILoggerFactory>());
            return dataSource.Build();
        });
        return builder;
    }
}
