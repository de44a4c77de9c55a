using Xunit.Abstractions;
using Xunit.Sdk;

namespace AiSales.Tests.Conversations;

/// <summary>Conversations in name order (file by file), the summary last.</summary>
public sealed class SummaryLastOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name == nameof(ConversationTests.Summary))
            .ThenBy(t => t.DisplayName, StringComparer.Ordinal);
}
