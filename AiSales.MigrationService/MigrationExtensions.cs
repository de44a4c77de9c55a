using AiSales.MigrationService;
using FluentMigrator.Runner;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class MigrationExtensions
{
    public static IHostApplicationBuilder AddSchemaMigrations(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DataExtensions.DatabaseName)!;

        builder.Services.AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres()
                .WithGlobalConnectionString(connectionString)
                .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations());

        builder.Services.AddSingleton(new MigrationTarget(connectionString, builder.Configuration.GetValue<long?>("Migrations:RollbackTo")));
        builder.Services.AddSingleton<SchemaMigrator>();
        return builder;
    }
}
