using System.Text.RegularExpressions;

namespace AiSales.Tests.Foundation;

/// <summary>
/// The migrator is deployed as a Container Apps job (run once when started, never restarted after exit 0), not as a
/// container app, in both data-store shapes.
/// </summary>
[Collection(ManifestCollection.Name)]
public sealed class MigrationJobManifestTests(PublishedManifests manifests)
{
    [Theory]
    [InlineData("trial")]
    [InlineData("external")]
    public async Task MigratorIsPublishedAsAManuallyTriggeredContainerAppsJob(string dataStores)
    {
        var manifest = manifests.Shape(dataStores);

        var migrations = manifest.Resource("migrations");
        Assert.Equal("project.v1", migrations.GetProperty("type").GetString());
        Assert.False(migrations.TryGetProperty("bindings", out _), "a job takes no traffic");
        var deployment = migrations.GetProperty("deployment");
        Assert.Equal("azure.bicep.v0", deployment.GetProperty("type").GetString());

        var module = await File.ReadAllTextAsync(Path.Combine(manifest.Folder, deployment.GetProperty("path").GetString()!));
        Assert.Matches(@"resource \w+ 'Microsoft\.App/jobs@[0-9-]+'", module);
        Assert.DoesNotContain("Microsoft.App/containerApps", module);
        Assert.Contains("triggerType: 'Manual'", module);
        Assert.Contains("parallelism: 1", module);
        Assert.Contains("replicaCompletionCount: 1", module);

        var parameters = deployment.GetProperty("params");
        Assert.Equal("{aisalesdb.connectionString}", parameters.GetProperty("aisalesdb_connectionstring").GetString());
        Assert.Equal("{migrations.containerImage}", parameters.GetProperty("migrations_containerimage").GetString());
    }

    [Fact]
    public async Task JobModuleParametersAreExactlyTheOnesTheManifestGives()
    {
        var manifest = manifests.Trial;

        var deployment = manifest.Resource("migrations").GetProperty("deployment");
        var module = await File.ReadAllTextAsync(Path.Combine(manifest.Folder, deployment.GetProperty("path").GetString()!));

        // Every parameter without a default must be given, and nothing given may be unknown to the module.
        var required = Regex.Matches(module, @"^param (\w+) \w+\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Order();
        var given = deployment.GetProperty("params").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(required, given);
        foreach (var secret in new[] { "aisalesdb_connectionstring", "sentry_dsn_value" })
        {
            Assert.Matches($@"@secure\(\)\s*\nparam {secret} string", module);
        }
    }
}
