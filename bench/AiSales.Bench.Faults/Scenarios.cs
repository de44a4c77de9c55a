using System.Diagnostics;
using AiSales.Bench.Agent;

namespace AiSales.Bench.Faults;

/// <summary>
/// One fault: what it does, done by <see cref="InjectAsync"/>, which returns when the fault has ended (the process is
/// started again, the server thawed, the fake answers normally) with an optional note for the report.
/// <see cref="SettleSeconds"/>: how much longer than `--wait` the suite may wait for each customer to be answered or
/// handed to a person (a send with an unknown outcome is given up only after its lease and the reconciliation grace).
/// </summary>
public sealed record Scenario(string Name, string Fault, Func<FaultPlatform, Task<string?>> InjectAsync, int SettleSeconds = 0);

public static class Scenarios
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<Scenario> All(int fuzzBodies) =>
    [
        new("api-kill", "kill -9 of api, started again 1 s later", async p =>
        {
            p.Api.Kill();
            await Task.Delay(1000);
            p.Api.Start();
            p.ReportAlive(p.ApiUrl, "api", Stopwatch.GetTimestamp());
            return null;
        }),
        new("agent-kill-turn", "kill -9 of ai-agent while turns wait for the model, started again 1 s later", async p =>
        {
            var inFlight = p.Model.InFlight;
            p.Agent.Kill();
            await Task.Delay(1000);
            p.Agent.Start();
            p.ReportAlive(p.AgentUrl, "ai-agent", Stopwatch.GetTimestamp());
            return $"{inFlight} completions in flight at the kill";
        }),
        new("agent-kill-send", "kill -9 of ai-agent while sends are in flight (Graph takes 2 s to answer), started again 1 s later", async p =>
        {
            p.Graph.Fault = GraphFault.Slow;
            await Task.Delay(1500);
            var inFlight = p.Graph.InFlight;
            p.Agent.Kill();
            p.Graph.Fault = GraphFault.None;
            await Task.Delay(1000);
            p.Agent.Start();
            p.ReportAlive(p.AgentUrl, "ai-agent", Stopwatch.GetTimestamp());
            return $"{inFlight} sends in flight at the kill";
        }),
        new("pg-restart", "PostgreSQL fast shutdown, started again 1 s later", async p =>
        {
            await p.Postgres.RestartAsync(TimeSpan.FromSeconds(1));
            return null;
        }),
        new("pg-freeze", "PostgreSQL frozen (SIGSTOP to every process of the cluster) for 10 s", async p =>
        {
            var before = ProcessSignals.RssMiB(p.Api.Pid);
            ProcessSignals.Freeze(p.Postgres.ServerPid);
            double peak = 0;
            var until = Stopwatch.GetTimestamp() + (long)(Window.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                peak = Math.Max(peak, ProcessSignals.RssMiB(p.Api.Pid));
                await Task.Delay(100);
            }

            ProcessSignals.Thaw(p.Postgres.ServerPid);
            return $"api RSS {before:0} MiB before, peak {peak:0} MiB while frozen";
        }),
        new("redis-kill", "kill -9 of Redis, started again 10 s later", async p =>
        {
            p.Redis.Kill();
            await Task.Delay(Window);
            await p.Redis.StartAsync();
            return null;
        }),
        new("redis-freeze", "Redis frozen (SIGSTOP) for 10 s", async p =>
        {
            ProcessSignals.Freeze(p.Redis.Pid);
            await Task.Delay(Window);
            ProcessSignals.Thaw(p.Redis.Pid);
            return null;
        }),
        new("graph-500", "the Graph API answers 500 (code 2) to every send for 10 s", async p =>
        {
            p.Graph.Fault = GraphFault.ServerError;
            await Task.Delay(Window);
            p.Graph.Fault = GraphFault.None;
            return $"{p.Graph.Faulted} sends refused";
        }),
        new("graph-timeout", "the Graph API does not answer sends for 10 s (held until the sender gives up; nothing sent)", async p =>
        {
            p.Graph.Fault = GraphFault.Timeout;
            await Task.Delay(Window);
            p.Graph.Fault = GraphFault.None;
            return $"{p.Graph.Faulted} sends left unanswered";
        }, SettleSeconds: 200),
        new("model-down", "the model provider answers 500 to every completion for 10 s", async p =>
        {
            var from = Stopwatch.GetTimestamp();
            p.Model.FailBetween(from, from + (long)(Window.TotalSeconds * Stopwatch.Frequency));
            await Task.Delay(Window);
            return $"{p.Model.Calls.Count(c => c.Answer == ModelAnswer.Fault)} completions refused";
        }),
        new("fuzz", $"{fuzzBodies:N0} random and mutated signed bodies from 32 more connections", async p =>
        {
            using var http = FaultClients.Create(p.ApiUrl, 32);
            var fuzzer = new Fuzzer(http, FaultPlatform.AppSecret, Fuzzer.Seeds(FaultSuite.Root, p.FloodNumber));
            await fuzzer.RunAsync(fuzzBodies, CancellationToken.None);
            return $"answers: {fuzzer.Summary}; 5xx or no answer: {fuzzer.Failures}";
        }),
        new("storm", "merchant-API storm for 10 s: 2,000 made-up keys/s and 20,000-row imports in a loop", async p =>
        {
            using var http = FaultClients.Create(p.ApiUrl, 256);
            var storm = new AiSales.Bench.MerchantStorm(http, 2000, 20_000);
            using var stop = new CancellationTokenSource(Window);
            await storm.RunAsync(FaultPlatform.AdminKey, stop.Token);
            return storm.Summary(Window.TotalSeconds);
        }),
    ];
}
