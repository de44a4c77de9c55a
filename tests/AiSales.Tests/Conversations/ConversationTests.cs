using System.Diagnostics;
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
        var script = ConversationLibrary.All[name];
        var player = new ConversationPlayer(fixture, script);
        var clock = Stopwatch.StartNew();
        try
        {
            await player.PlayAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
        {
            player.Problems.Add($"the run broke: {e.Message}");
        }
        finally
        {
            ConversationResults.Record(name, player.Problems, clock.Elapsed);
            output.WriteLine(player.Transcript);
        }

        Assert.True(player.Problems.Count == 0,
            $"{player.Problems.Count} problem(s): {string.Join("; ", player.Problems)}\n\nTranscript:\n{player.Transcript}");
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
