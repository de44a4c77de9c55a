using Xunit.Abstractions;
using Xunit.Sdk;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Whole sales conversations from Conversations/Data (one case per conversation, named "file/id"), played through
/// signed webhooks against the real platform and judged on the replies and on the order (contract §7).
/// </summary>
[Collection(ConversationCollection.Name)]
[TestCaseOrderer("AiSales.Tests.Conversations.SummaryLastOrderer", "AiSales.Tests")]
public sealed class ConversationTests(ConversationFixture fixture, ITestOutputHelper output)
{
    public static IEnumerable<object[]> Conversations() => ConversationLibrary.Cases();

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task Conversation(string name)
    {
        var played = await fixture.Runs.OfAsync(name);
        ConversationResults.Record(name, [.. played.Problems], played.Elapsed);
        output.WriteLine(played.Transcript);

        Assert.True(played.Problems.Count == 0,
            $"{played.Problems.Count} problem(s): {string.Join("; ", played.Problems)}\n\nTranscript:\n{played.Transcript}");
    }

    /// <summary>Runs after every conversation of this class (SummaryLastOrderer): the pass rate per data file.</summary>
    [Fact]
    public void Summary()
    {
        var summary = ConversationResults.Summary();
        output.WriteLine(summary);
        ConversationResults.WriteSummaryFile();
        Console.WriteLine(summary);
    }
}
