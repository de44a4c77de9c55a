using AiSales.Tests.Agent;
using AiSales.Tests.Conversations;
using AiSales.Tests.Images;
using AiSales.Tests.Media;
using AiSales.Tests.MerchantApi;
using AiSales.Tests.MerchantConsole;
using AiSales.Tests.Webhooks;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("AiSales.Tests.Infrastructure.LongestFirstCollectionOrderer", "AiSales.Tests")]

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// The order in which <see cref="LaneTestFramework"/>'s two lanes take the collections: the longest first (measured in
/// a full run on 2 cores, 2026-12-02 evening, each lane's log says how long: the console's 9.9 minutes, the agent's 6.4,
/// the platform's 5.2, the conversations' 2.9 (eight at a time), the webhooks' 2, the merchant API's 1.2, the media's 1,
/// the image build's 1 and 2–3 with its Debian base on a fresh clone…), so the last to finish are short and neither lane
/// idles long at the end. The conversations and the agent go first together, as they always have: the agent's fleet
/// test is sensitive to load, and the conversations are mostly waiting. The rest keep a stable order by name.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] Longest =
    [
        ConversationCollection.Name,
        AgentCollection.Name,
        ConsoleCollection.Name,
        AppHostCollection.Name,
        WebhooksCollection.Name,
        $"Test collection for {typeof(ImageArchiveTests).FullName}",
        MerchantApiCollection.Name,
        MediaCollection.Name,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var at and >= 0 ? at : Longest.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
