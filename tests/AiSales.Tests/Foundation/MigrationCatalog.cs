using System.Reflection;
using AiSales.MigrationService;
using FluentMigrator;

namespace AiSales.Tests.Foundation;

/// <summary>The migrations compiled into AiSales.MigrationService, read by reflection.</summary>
public static class MigrationCatalog
{
    public static IReadOnlyList<Type> Types { get; } = typeof(SchemaMigrator).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<MigrationAttribute>() is not null)
        .ToList();

    public static IReadOnlyList<long> Versions { get; } = Types
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Version)
        .Order()
        .ToList();
}
