using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Model;

namespace AiSales.UnitTests.Agent;

public sealed class HistoryBudgetTests
{
    private static List<HistoryMessage> Conversation(int messages, string text) =>
        Enumerable.Range(0, messages).Select(i => new HistoryMessage(i % 2 == 0, $"{i}: {text}")).ToList();

    [Fact]
    public void AShortHistoryIsKeptWhole()
    {
        var history = Conversation(6, "hello there");

        Assert.Same(history, HistoryBudget.Trim(history, 2000));
    }

    [Fact]
    public void ALongHistoryKeepsItsNewestMessagesInOrder()
    {
        var history = Conversation(100, new string('x', 400)); // ~100 tokens each

        var kept = HistoryBudget.Trim(history, 1000);

        Assert.InRange(kept.Count, 8, 10);
        Assert.Equal(history.TakeLast(kept.Count), kept);
    }

    [Fact]
    public void TheKeptHistoryNeverExceedsTheBudget()
    {
        foreach (var budget in new[] { 0, 10, 50, 333, 1000, 5000 })
        {
            foreach (var length in new[] { 1, 17, 120, 900 })
            {
                var kept = HistoryBudget.Trim(Conversation(60, new string('ب', length)), budget);

                Assert.True(kept.Sum(m => HistoryBudget.EstimateTokens(m.Text)) <= budget, $"budget {budget}, length {length}");
            }
        }
    }

    [Fact]
    public void AMessageLargerThanTheBudgetIsDroppedWithEverythingBeforeIt()
    {
        var history = new List<HistoryMessage> { new(true, "hi"), new(true, new string('a', 40_000)), new(false, "ok") };

        Assert.Equal(["ok"], HistoryBudget.Trim(history, 500).Select(m => m.Text));
    }

    [Fact]
    public void ArabicCountsAsMoreTokensThanLatinOfTheSameLength()
    {
        Assert.True(HistoryBudget.EstimateTokens(new string('ع', 400)) > HistoryBudget.EstimateTokens(new string('a', 400)));
        Assert.InRange(HistoryBudget.EstimateTokens(new string('a', 400)), 100, 110);
    }
}
