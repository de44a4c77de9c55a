using Xunit.Abstractions;
using Xunit.Sdk;

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// Runs a test class's tests up to <see cref="Limit"/> at a time instead of one by one (xunit runs a collection's tests
/// one by one). For classes whose tests are mostly waiting (a model that thinks for seconds, a lease to expire) and
/// share nothing but the collection's fixture: each makes its own database, processes and fakes. Honoured by
/// <see cref="LaneTestFramework"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ConcurrentTestsAttribute(int limit) : Attribute
{
    public int Limit { get; } = limit;
}

/// <summary>xunit's collection runner, with <see cref="ConcurrentTestClassRunner"/> for each class.</summary>
internal sealed class LaneCollectionRunner(
    ITestCollection testCollection,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageBus messageBus,
    ITestCaseOrderer testCaseOrderer,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource)
    : XunitTestCollectionRunner(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
{
    protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
        new ConcurrentTestClassRunner(testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer,
            new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings).RunAsync();
}

/// <summary>xunit's class runner; a class marked <see cref="ConcurrentTestsAttribute"/> has its test methods run together.</summary>
internal sealed class ConcurrentTestClassRunner(
    ITestClass testClass,
    IReflectionTypeInfo @class,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageBus messageBus,
    ITestCaseOrderer testCaseOrderer,
    ExceptionAggregator aggregator,
    CancellationTokenSource cancellationTokenSource,
    IDictionary<Type, object> collectionFixtureMappings)
    : XunitTestClassRunner(testClass, @class, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource, collectionFixtureMappings)
{
    protected override async Task<RunSummary> RunTestMethodsAsync()
    {
        var limit = Class.GetCustomAttributes(typeof(ConcurrentTestsAttribute)).SingleOrDefault()?.GetConstructorArguments().Single() as int?;
        if (limit is not > 1)
        {
            return await base.RunTestMethodsAsync();
        }

        var constructorArguments = CreateTestClassConstructorArguments();
        using var slots = new SemaphoreSlim(limit.Value);
        var methods = TestCaseOrderer.OrderTestCases(TestCases).GroupBy(c => c.TestMethod, TestMethodComparer.Instance);
        var summaries = await Task.WhenAll(methods.Select(async method =>
        {
            await slots.WaitAsync();
            try
            {
                return CancellationTokenSource.IsCancellationRequested
                    ? new RunSummary()
                    : await RunTestMethodAsync(method.Key, (IReflectionMethodInfo)method.Key.Method, method, constructorArguments);
            }
            finally
            {
                slots.Release();
            }
        }));

        var total = new RunSummary();
        foreach (var summary in summaries)
        {
            total.Aggregate(summary);
        }

        return total;
    }
}
