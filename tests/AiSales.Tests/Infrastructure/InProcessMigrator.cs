using AiSales.MigrationService;
using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// The migrations of AiSales.MigrationService run by FluentMigrator in the test process, up or down to a version: what
/// an operator's rollback does, without starting a process per step. A fresh runner per call, as each migrator run is.
/// </summary>
public static class InProcessMigrator
{
    public static void Run(string connectionString, Action<IMigrationRunner> step)
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres()
                .WithGlobalConnectionString(connectionString)
                .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations())
            .BuildServiceProvider(validateScopes: false);
        using var scope = services.CreateScope();
        step(scope.ServiceProvider.GetRequiredService<IMigrationRunner>());
    }

    public static void UpTo(string connectionString, long version) => Run(connectionString, runner => runner.MigrateUp(version));

    public static void Up(string connectionString) => Run(connectionString, runner => runner.MigrateUp());

    public static void DownTo(string connectionString, long version) => Run(connectionString, runner => runner.MigrateDown(version));
}
