namespace AiSales.Tests.Foundation;

/// <summary>
/// Deployment:DataStores=external: no database or cache container is deployed; the services get the operator's
/// managed PostgreSQL and Redis through secret connection-string parameters, with TLS on by default.
/// </summary>
[Collection(ManifestCollection.Name)]
public sealed class ExternalDataStoreManifestTests(PublishedManifests manifests)
{
    [Fact]
    public void ExternalManifestTakesConnectionStringParametersAndDeploysNoDataStoreContainer()
    {
        var manifest = manifests.External;

        foreach (var resource in manifest.Resources.EnumerateObject())
        {
            Assert.False(resource.Value.GetProperty("type").GetString()!.StartsWith("container", StringComparison.Ordinal),
                $"{resource.Name} is a container: external stores deploy none");
        }

        Assert.False(manifest.Resources.TryGetProperty("postgres", out _), "no PostgreSQL container");
        foreach (var parameter in new[] { "postgres-connection-string", "redis-connection-string" })
        {
            var input = manifest.Resource(parameter).GetProperty("inputs").GetProperty("value");
            Assert.True(input.GetProperty("secret").GetBoolean(), $"{parameter} is not secret");
            Assert.False(input.TryGetProperty("default", out _), $"{parameter} carries a default");
        }

        foreach (var service in new[] { "api", "ai-agent" })
        {
            var env = manifest.Resource(service).GetProperty("env");
            Assert.Equal("{aisalesdb.connectionString}", env.GetProperty("ConnectionStrings__aisalesdb").GetString());
            Assert.Equal("{redis.connectionString}", env.GetProperty("ConnectionStrings__redis").GetString());
        }
    }

    [Fact]
    public void ExternalConnectionStringsTurnTlsOnUnlessTheOperatorSaysOtherwise()
    {
        var manifest = manifests.External;

        // Defaults first: the operator's own "SSL Mode=…" / "ssl=…", later in the string, wins.
        Assert.Equal("SSL Mode=VerifyFull;{postgres-connection-string.value}",
            manifest.Resource("aisalesdb").GetProperty("connectionString").GetString());
        Assert.Equal("ssl=true,{redis-connection-string.value}",
            manifest.Resource("redis").GetProperty("connectionString").GetString());
    }

    [Fact]
    public void ExternalManifestAndItsModuleHoldNoSecretValue()
    {
        var manifest = manifests.External;

        var written = manifest.Text + string.Concat(Directory.GetFiles(manifest.Folder).Select(File.ReadAllText));
        foreach (var secret in new[] { "pg-secret-7f3a9c", "redis-secret-51be02", "db.example.net", "cache.example.net" })
        {
            Assert.DoesNotContain(secret, written);
        }
    }
}
