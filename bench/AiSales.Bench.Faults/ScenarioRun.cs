using System.Diagnostics;

namespace AiSales.Bench.Faults;

/// <summary>
/// One scenario on a fresh platform: warm-up load, then `before` s of measured load, the fault, `after` s more load;
/// then the load stops and the suite waits for the last replies and for the inbox to be normalised, and checks.
/// </summary>
public static class ScenarioRun
{
    public static async Task<ScenarioResult> RunAsync(Scenario scenario, FaultOptions options)
    {
        var logs = Path.Combine(options.LogDirectory, scenario.Name);
        await using var platform = await FaultPlatform.StartAsync(options.Services ?? FaultSuite.Root, logs, options.Shops, TimeSpan.FromMilliseconds(options.ModelLatencyMs));
        using var floodHttp = FaultClients.Create(platform.ApiUrl, options.Connections);
        using var liveHttp = FaultClients.Create(platform.ApiUrl, 64);
        var flood = new FloodLoad(floodHttp, platform.FloodNumber, FaultPlatform.AppSecret, options.Connections, options.WebhookRate);
        var live = new LiveConversations(liveHttp, platform.Shops, FaultPlatform.AppSecret, options.ConversationRate);
        using var stopLoad = new CancellationTokenSource();
        using var stopSampling = new CancellationTokenSource();
        var loads = Task.WhenAll(flood.RunAsync(stopLoad.Token), live.RunAsync(stopLoad.Token));
        var memory = new PeakMemory();
        var sampling = memory.RunAsync(platform, stopSampling.Token);

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var measuredFrom = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(options.BeforeSeconds));
        var faultFrom = Stopwatch.GetTimestamp();
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} fault: {scenario.Fault}");
        var note = await scenario.InjectAsync(platform);
        var faultUntil = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(options.AfterSeconds));
        await stopLoad.CancelAsync();
        await loads;

        string[] Unreplied() => [.. live.Acked.Keys.Where(c => !platform.Graph.FirstReply.ContainsKey(c))];
        var deadline = DateTime.UtcNow.AddSeconds(options.WaitSeconds + scenario.SettleSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = Unreplied();
            if (waiting.Length == 0 || await Inbox.HandedOverAsync(platform.Database, waiting) == waiting.Length)
            {
                break;
            }

            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // a late second reply would be a duplicate: give it time to show
        var stored = await Inbox.MissingAsync(platform.Database, flood, live, TimeSpan.FromSeconds(options.WaitSeconds));
        await stopSampling.CancelAsync();
        await sampling;
        var deliveries = await Inbox.DeliveryStatesAsync(platform.Database);
        var window = new Window(measuredFrom, faultFrom, faultUntil);
        Timeline.Print(window, live, platform);
        var handedOver = await Inbox.HandedOverAsync(platform.Database, Unreplied());
        return ScenarioResult.From(scenario, note, window, flood, live, platform, stored.Lost, memory, deliveries, handedOver) with { Queued = stored.Queued };
    }
}

/// <summary>Stopwatch timestamps: when measuring started, when the fault began and when it ended.</summary>
public readonly record struct Window(long MeasuredFrom, long FaultFrom, long FaultUntil)
{
    public double SecondsAfterFault(long timestamp) => (timestamp - FaultUntil) / (double)Stopwatch.Frequency;
}

/// <summary>The api's and ai-agent's peak resident memory over the run, whichever process is current (after restarts).</summary>
public sealed class PeakMemory
{
    public double ApiMiB { get; private set; }

    public double AgentMiB { get; private set; }

    public async Task RunAsync(FaultPlatform platform, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                ApiMiB = Math.Max(ApiMiB, ProcessSignals.RssMiB(platform.Api.Pid));
                AgentMiB = Math.Max(AgentMiB, ProcessSignals.RssMiB(platform.Agent.Pid));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
