namespace AiSales.Tests.MerchantConsole;

/// <summary>
/// A console test that opens pages: they are closed when the test ends. A page left open keeps its circuit, its live
/// updates and its watcher renewals running on the platform the rest of the collection shares (one test at a time).
/// </summary>
public abstract class ConsolePageTest(ConsoleFixture fixture) : IAsyncLifetime
{
    protected ConsoleFixture Fixture { get; } = fixture;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Fixture.ClosePagesAsync();
}
