using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("AiSales.Tests.Infrastructure.LaneTestFramework", "AiSales.Tests")]

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// xunit's own runner starts one thread-pool task per collection and lets a semaphore admit two at a time. The tasks
/// are queued on the thread that orders them, whose local queue runs newest first, so the collections were admitted
/// in an order of the thread pool's making: in one full run the platform collection (3 minutes) came last, alone, and
/// the other lane sat idle. This runner takes the collections strictly in <see cref="LongestFirstCollectionOrderer"/>'s
/// order, in as many lanes as xunit.runner.json's maxParallelThreads: each lane takes the next one when it is done, and
/// prints when it took and ended each. Classes marked <see cref="ConcurrentTestsAttribute"/> run their tests together.
/// </summary>
public sealed class LaneTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new LaneExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}

internal sealed class LaneExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
    : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
{
    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        using var runner = new LaneAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
        await runner.RunAsync();
    }
}

internal sealed class LaneAssemblyRunner(
    ITestAssembly testAssembly,
    IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink,
    IMessageSink executionMessageSink,
    ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    protected override async Task<RunSummary> RunTestCollectionsAsync(IMessageBus messageBus, CancellationTokenSource cancellationTokenSource)
    {
        var collections = new ConcurrentQueue<Tuple<ITestCollection, List<IXunitTestCase>>>(OrderTestCollections());
        var lanes = ExecutionOptions.DisableParallelizationOrDefault() ? 1 : ExecutionOptions.MaxParallelThreadsOrDefault() switch
        {
            > 0 and var threads => threads,
            0 => Environment.ProcessorCount,
            _ => Math.Max(1, collections.Count),
        };

        // Without xunit's semaphore (set up only by the method this replaces), RunTestCollectionAsync runs at once.
        var clock = Stopwatch.StartNew();
        var summaries = await Task.WhenAll(Enumerable.Range(1, lanes).Select(number => Task.Run(async () =>
        {
            var lane = new RunSummary();
            while (!cancellationTokenSource.IsCancellationRequested && collections.TryDequeue(out var collection))
            {
                var started = clock.Elapsed;
                Console.Error.WriteLine($"LaneTestFramework: lane {number} takes '{collection.Item1.DisplayName}' ({collection.Item2.Count} tests) at {started:mm\\:ss}");
                lane.Aggregate(await RunTestCollectionAsync(messageBus, collection.Item1, collection.Item2, cancellationTokenSource));
                Console.Error.WriteLine($"LaneTestFramework: lane {number} ends '{collection.Item1.DisplayName}' after {(clock.Elapsed - started).TotalSeconds:0} s");
            }

            return lane;
        })));

        var total = new RunSummary();
        foreach (var summary in summaries)
        {
            total.Aggregate(summary);
        }

        return total;
    }

    protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
        new LaneCollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
}
