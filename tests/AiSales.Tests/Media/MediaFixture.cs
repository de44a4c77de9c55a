using Aspire.Hosting;
using Npgsql;

namespace AiSales.Tests.Media;

/// <summary>
/// The platform through the real AppHost with the services' Graph API pointed at <see cref="MediaFakeGraph"/> and the
/// files backend in a folder of this fixture's own (Media:Directory), removed afterwards.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public MediaFakeGraph Graph { get; private set; } = null!;

    public string MediaDirectory { get; } = Path.Combine(Path.GetTempPath(), $"aisales-media-test-{Guid.NewGuid():N}");

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Graph = await MediaFakeGraph.StartAsync();
        using var timeout = new CancellationTokenSource(AppHostFixture.StartTimeout);
        // Started as the merchant's one command starts it (`dotnet run` for each service): the other collections start
        // the services from their build output (AppHostFixtureEnvironment.WithServicesAsBuilt).
        _app = await AppHostFixtureEnvironment.StartPlatformAsync(
            [$"--Meta:GraphApiBaseUrl={Graph.BaseUrl}", $"--Media:Directory={MediaDirectory}"], timeout.Token, asBuilt: false);
        var connectionString = await _app.GetConnectionStringAsync("aisalesdb", timeout.Token)
            ?? throw new InvalidOperationException("No connection string for aisalesdb.");
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public HttpClient CreateApiClient(string? apiKey = null)
    {
        var client = App.CreateHttpClient("api");
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        await Graph.DisposeAsync();
        if (Directory.Exists(MediaDirectory))
        {
            Directory.Delete(MediaDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "Media";
}
