using AiSales.Tests.Agent;
using AiSales.Tests.Conversations;
using AiSales.Tests.MerchantConsole;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("AiSales.Tests.Infrastructure.LongestFirstCollectionOrderer", "AiSales.Tests")]

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// xunit runs two collections at a time (xunit.runner.json) and starts the next when one ends, in this order. The
/// longest go first: when the conversations (7 minutes) happened to be drawn last, the other lane sat idle for those
/// 7 minutes and the whole suite took 18 minutes instead of 12. The rest keep a stable order by name.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    private static readonly string[] Longest = [ConversationCollection.Name, AgentCollection.Name, ConsoleCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Longest, c.DisplayName) is var at and >= 0 ? at : Longest.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
