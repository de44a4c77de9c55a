namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// The whole platform through the AppHost (PostgreSQL, Redis, migrator, api, agent, simulator) for the console's
/// tests, started once for the collection. (The namespace is not "Console", which would hide System.Console.)
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public AppHostFixture Platform { get; } = new();

    public HttpClient CreateApiClient() => Platform.CreateHttpClient("api");

    public Task InitializeAsync() => Platform.InitializeAsync();

    public Task DisposeAsync() => Platform.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console";
}
