using AiSales.Core.Configuration;
using AiSales.MigrationService;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Runs once and exits: 0 when the schema is at the newest migration, non-zero on any failure.
// Deliberately not a BackgroundService: a failure there still exits 0 (dotnet/runtime#67146).
var builder = Host.CreateApplicationBuilder(args);
if (!builder.HasValidSettings(SettingRule.PostgresConnectionString(DataExtensions.DatabaseName), SettingRule.OptionalAbsoluteUri("Sentry:Dsn")))
{
    return 2;
}

builder.AddServiceDefaults();
builder.AddSchemaMigrations();

using var host = builder.Build();
await host.StartAsync();
var exitCode = await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
await host.StopAsync();
return exitCode;
