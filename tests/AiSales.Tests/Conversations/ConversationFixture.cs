using AiSales.Tests.Infrastructure;
using Aspire.Hosting;

namespace AiSales.Tests.Conversations;

/// <summary>
/// The whole platform through the real AppHost (API, agent, PostgreSQL, Redis), its Graph API pointed at a fake
/// that records replies (Meta:GraphApiBaseUrl is forwarded to the API and the agent); each conversation's shop comes
/// from its data file (ShopData).
/// </summary>
public sealed class ConversationFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public ConversationGraph Graph { get; private set; } = null!;

    /// <summary>The conversations, played a few at a time in the background (see <see cref="ConversationRuns"/>).</summary>
    public ConversationRuns Runs { get; }

    public ConversationFixture() => Runs = new ConversationRuns(this);

    public HttpClient CreateApiClient() =>
        (_app ?? throw new InvalidOperationException("The AppHost has not started.")).CreateHttpClient("api");

    public async Task InitializeAsync()
    {
        // The fake runs on this process's thread pool, shared with every collection's start-up (see AgentFixture).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        Graph = await ConversationGraph.StartAsync();
        using var timeout = new CancellationTokenSource(AppHostFixture.StartTimeout);
        _app = await AppHostFixtureEnvironment.StartPlatformAsync([$"--Meta:GraphApiBaseUrl={Graph.BaseUrl}"], timeout.Token);
    }

    public async Task DisposeAsync()
    {
        ConversationResults.WriteSummaryFile();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }

        if (Graph is not null)
        {
            await Graph.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConversationCollection : ICollectionFixture<ConversationFixture>
{
    public const string Name = "Conversations";
}
