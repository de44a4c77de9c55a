using System.Reflection;
using System.Text.RegularExpressions;
using AiSales.Core.Data;
using FluentMigrator;

namespace AiSales.Tests.Foundation;

/// <summary>The rules the earlier build broke: unique, well-named, reversible migrations, and a matching expected version.</summary>
public sealed partial class SchemaHistoryTests
{
    [Fact]
    public void MigrationVersionsAreUnique()
    {
        Assert.Equal(MigrationCatalog.Versions.Count, MigrationCatalog.Versions.Distinct().Count());
    }

    [Fact]
    public void ServicesExpectTheNewestMigration()
    {
        Assert.Equal(SchemaVersion.Expected, MigrationCatalog.Versions.Max());
    }

    [Fact]
    public void EachMigrationHasItsOwnFileNamedAfterVersionAndClass()
    {
        var folder = Path.Combine(ServiceProcess.RepositoryRoot(), "AiSales.MigrationService", "Migrations");
        var files = Directory.GetFiles(folder, "*.cs").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();

        var expected = MigrationCatalog.Types
            .Select(t => $"{t.GetCustomAttribute<MigrationAttribute>()!.Version}_{t.Name}")
            .Order()
            .ToList();

        Assert.Equal(expected, files);
        Assert.All(files, f => Assert.Matches(FileNamePattern(), f));
    }

    [Fact]
    public void EveryMigrationDeclaresDown()
    {
        Assert.All(MigrationCatalog.Types, t =>
            Assert.Equal(t, t.GetMethod(nameof(Migration.Down), BindingFlags.Public | BindingFlags.Instance)!.DeclaringType));
    }

    [GeneratedRegex(@"^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])([01]\d|2[0-3])[0-5]\d_[A-Z][A-Za-z]+$")]
    private static partial Regex FileNamePattern();
}
