namespace AiSales.Tests.Foundation;

/// <summary>
/// The two deployment shapes, each written once per test run (writing one takes a few seconds): trial (containers
/// with volumes) and external (the operator's managed servers), the latter with secret values in the AppHost's
/// configuration that must never reach the manifest.
/// </summary>
public sealed class PublishedManifests : IAsyncLifetime
{
    public const string PostgresSecret = "Host=db.example.net;Username=aisales;Password=pg-secret-7f3a9c;Database=aisalesdb";
    public const string RedisSecret = "cache.example.net:6380,password=redis-secret-51be02";

    public PublishedManifest Trial { get; private set; } = null!;

    public PublishedManifest External { get; private set; } = null!;

    public PublishedManifest Shape(string dataStores) => dataStores == "external" ? External : Trial;

    public async Task InitializeAsync()
    {
        var trial = PublishedManifest.WriteAsync();
        var external = PublishedManifest.WriteAsync(new Dictionary<string, string>
        {
            ["Deployment__DataStores"] = "external",
            ["Parameters__postgres-connection-string"] = PostgresSecret,
            ["Parameters__redis-connection-string"] = RedisSecret,
            ["ConnectionStrings__aisalesdb"] = PostgresSecret,
            ["ConnectionStrings__redis"] = RedisSecret,
        });
        Trial = await trial;
        External = await external;
    }

    public Task DisposeAsync()
    {
        Trial?.Dispose();
        External?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class ManifestCollection : ICollectionFixture<PublishedManifests>
{
    public const string Name = "published manifests";
}
