using Xunit.Abstractions;
using Xunit.Sdk;

namespace AiSales.Tests.Conversations;

/// <summary>Conversations in name order (file by file), the summary last; tells <see cref="ConversationRuns"/> which will run.</summary>
public sealed class SummaryLastOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var ordered = testCases.OrderBy(t => t.TestMethod.Method.Name == nameof(ConversationTests.Summary))
            .ThenBy(t => t.DisplayName, StringComparer.Ordinal)
            .ToList();
        ConversationRuns.Plan(ordered.Select(t => t.TestMethodArguments?.FirstOrDefault()).OfType<string>());
        return ordered;
    }
}
