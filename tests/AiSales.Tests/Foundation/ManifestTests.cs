namespace AiSales.Tests.Foundation;

/// <summary>The deployment manifest azd consumes: the right resources, secrets as parameters, no secret values.</summary>
[Collection(ManifestCollection.Name)]
public sealed class ManifestTests(PublishedManifests manifests)
{
    [Fact]
    public void ManifestHasEveryResourceAndNoSecretValue()
    {
        var manifest = manifests.Trial;

        foreach (var name in new[] { "postgres", "aisalesdb", "redis", "migrations", "api", "ai-agent", "web" })
        {
            manifest.Resource(name);
        }

        foreach (var parameter in new[] { "meta-app-secret", "meta-verify-token", "encryption-key", "admin-api-key", "sentry-dsn" })
        {
            var input = manifest.Resource(parameter).GetProperty("inputs").GetProperty("value");
            Assert.True(input.GetProperty("secret").GetBoolean(), $"{parameter} is not secret");
        }

        // The simulator is for local runs only.
        Assert.False(manifest.Resources.TryGetProperty("meta-simulator", out _), "the manifest must not deploy meta-simulator");
        Assert.DoesNotContain(AppHostFixture.MetaAppSecret, manifest.Text);
        Assert.DoesNotContain(AppHostFixture.AdminApiKey, manifest.Text);
        Assert.DoesNotContain(AppHostFixture.EncryptionKeyHex, manifest.Text);
        Assert.DoesNotContain("/tmp/aisales-pg", manifest.Text);
        Assert.DoesNotContain("setpriv", manifest.Text);
    }

    [Fact]
    public void TrialManifestRunsPostgresAndRedisAsContainersWithVolumes()
    {
        var manifest = manifests.Trial;

        foreach (var name in new[] { "postgres", "redis" })
        {
            var store = manifest.Resource(name);
            Assert.StartsWith("container", store.GetProperty("type").GetString());
            Assert.NotEmpty(store.GetProperty("volumes").EnumerateArray());
        }

        Assert.False(manifest.Resources.TryGetProperty("postgres-connection-string", out _), "trial needs no external server");
    }
}
