using System.Diagnostics;

namespace AiSales.Bench.Agent;

/// <summary>What model mode measured besides latency: the load window, the fault window (Stopwatch timestamps) and the samples.</summary>
public sealed record ModelRun(
    Phase Run, FakeGraph Graph, FakeModelServer Model, long LoadFrom, long LoadUntil, (long From, long Until)? Fault,
    List<SessionSample> Sessions, MemorySamples Memory);

/// <summary>
/// Model mode's lines: the platform's overhead (DM → reply minus the fake model's own time for that conversation),
/// the model requests, PostgreSQL sessions, ai-agent memory and, with a fault window, who got the fallback.
/// </summary>
public static class ModelReport
{
    public static void Print(BenchOptions options, ModelRun m)
    {
        var calls = m.Model.Calls.ToArray();
        var byCustomer = calls.GroupBy(c => c.Customer).ToDictionary(g => g.Key, g => g.ToArray());
        var customers = m.Run.Started.Keys.ToArray();
        var overhead = customers
            .Where(c => m.Graph.FirstReply.ContainsKey(c))
            .Select(c => Stopwatch.GetElapsedTime(m.Run.Started[c], m.Graph.FirstReply[c].At).TotalMilliseconds
                - (byCustomer.TryGetValue(c, out var own) ? own.Sum(x => x.Took.TotalMilliseconds) : 0))
            .Order()
            .ToArray();
        Console.WriteLine($"| overhead (reply − model time) | {overhead.Length}/{customers.Length} | p50 {Report.P(overhead, 0.50):0.0} ms | p90 {Report.P(overhead, 0.90):0.0} ms | p99 {Report.P(overhead, 0.99):0.0} ms | max {overhead.LastOrDefault():0.0} ms |");

        PrintBreakdown(m, byCustomer, customers);
        var measured = customers.Where(byCustomer.ContainsKey).SelectMany(c => byCustomer[c]).ToArray();
        var perConversation = customers.Select(c => byCustomer.TryGetValue(c, out var own) ? own.Length : 0)
            .GroupBy(n => n).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}");
        Console.WriteLine($"model requests {calls.Length} (warm-up included), measured phase {measured.Length}: {Kinds(measured)}; requests per conversation: {string.Join(", ", perConversation)}");
        var unknown = calls.Count(c => c.Customer == "?");
        if (unknown > 0)
        {
            Console.WriteLine($"model requests without a bench customer tag: {unknown}");
        }

        var notFromModel = customers.Count(c => m.Graph.Replies.TryGetValue(c, out var texts) && texts.Any(t => !t.StartsWith(FakeModelServer.AnswerPrefix, StringComparison.Ordinal)));
        Console.WriteLine($"replies not written by the model (fallback or the agent's own text): {notFromModel} customers{Sample(m, customers)}");

        var load = m.Sessions.Where(s => s.At >= m.LoadFrom && s.At <= m.LoadUntil).ToArray();
        var all = m.Sessions;
        Console.WriteLine($"| PostgreSQL sessions ({all.Count} samples, {load.Length} under load) | busy peak {all.Select(s => s.Busy).DefaultIfEmpty().Max()}, p50 {Report.P(load.Select(s => s.Busy), 0.5):0} | idle in transaction peak {all.Select(s => s.IdleInTransaction).DefaultIfEmpty().Max()}, p50 {Report.P(load.Select(s => s.IdleInTransaction), 0.5):0} | longest idle in transaction {all.Select(s => s.LongestIdleInTransactionSeconds).DefaultIfEmpty().Max():0.00} s | open peak {all.Select(s => s.Open).DefaultIfEmpty().Max()} |");
        Console.WriteLine(m.Memory.Pid is null
            ? "ai-agent process not found: no RSS"
            : $"| ai-agent RSS (pid {m.Memory.Pid}, {m.Memory.RssKiB.Count} samples) | peak {m.Memory.RssKiB.DefaultIfEmpty().Max() / 1024.0:0} MiB | p50 {Report.P(m.Memory.RssKiB.Select(k => (double)k).Order().ToArray(), 0.5) / 1024.0:0} MiB | VmHWM {m.Memory.PeakKiB / 1024.0:0} MiB | CPU {m.Memory.CpuSeconds:0.0} s, {1000 * m.Memory.CpuSeconds / Math.Max(1, m.Run.Started.Count):0.00} ms per DM |");

        if (m.Fault is { } fault)
        {
            PrintFault(options, m, byCustomer, customers, fault);
        }

        var stuck = m.Run.Acked.Keys.Count(c => m.Graph.RepliesTo(c) != 1);
        Console.WriteLine($"stuck (an accepted DM without exactly one reply): {stuck}");
    }

    /// <summary>
    /// Where the overhead goes, for conversations answered with the model's text and no 500: DM → first model request
    /// (ingestion, scheduling, the turn's reads), between the model's answer and the next request (the tools), and the
    /// model's final answer → the reply at the Graph API (the commit and the send).
    /// </summary>
    private static void PrintBreakdown(ModelRun m, Dictionary<string, ModelCall[]> byCustomer, string[] customers)
    {
        List<double> before = [], between = [], after = [];
        foreach (var c in customers)
        {
            if (!byCustomer.TryGetValue(c, out var own) || own.Any(x => x.Answer != ModelAnswer.ToolCall && x.Answer != ModelAnswer.Text)
                || !m.Graph.FirstReply.TryGetValue(c, out var reply))
            {
                continue;
            }

            var ordered = own.OrderBy(x => x.ArrivedAt).ToArray();
            before.Add(Stopwatch.GetElapsedTime(m.Run.Started[c], ordered[0].ArrivedAt).TotalMilliseconds);
            between.Add(ordered.Zip(ordered.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.ArrivedAt, b.ArrivedAt).TotalMilliseconds - a.Took.TotalMilliseconds).Sum());
            after.Add(Stopwatch.GetElapsedTime(ordered[^1].ArrivedAt, reply.At).TotalMilliseconds - ordered[^1].Took.TotalMilliseconds);
        }

        static string Row(List<double> values) => values.Order().ToArray() is var sorted
            ? $"p50 {Report.P(sorted, 0.5):0.0} ms, p99 {Report.P(sorted, 0.99):0.0} ms" : "";
        Console.WriteLine($"| overhead split ({before.Count} plain turns) | DM → first model request {Row(before)} | between model calls (tools) {Row(between)} | last model answer → reply {Row(after)} |");
    }

    private static void PrintFault(BenchOptions options, ModelRun m, Dictionary<string, ModelCall[]> byCustomer, string[] customers, (long From, long Until) fault)
    {
        var affected = customers.Where(c => byCustomer.TryGetValue(c, out var own) && own.Any(x => x.Answer == ModelAnswer.Fault)).ToArray();
        var fallback = affected.Where(c => m.Graph.FirstReply.TryGetValue(c, out var r) && !r.Text.StartsWith(FakeModelServer.AnswerPrefix, StringComparison.Ordinal)).ToArray();
        var answered = affected.Count(c => m.Graph.FirstReply.TryGetValue(c, out var r) && r.Text.StartsWith(FakeModelServer.AnswerPrefix, StringComparison.Ordinal));
        // From the customer's first 500 to their first reply: the issue asks for the fallback within 30 s.
        var toFallback = fallback
            .Select(c => Stopwatch.GetElapsedTime(byCustomer[c].Where(x => x.Answer == ModelAnswer.Fault).Min(x => x.ArrivedAt), m.Graph.FirstReply[c].At).TotalSeconds)
            .Order()
            .ToArray();
        var faults = byCustomer.Values.Sum(own => own.Count(x => x.Answer == ModelAnswer.Fault));
        var start = Stopwatch.GetElapsedTime(m.LoadFrom, fault.From).TotalSeconds;
        Console.WriteLine($"fault window: 500s for {options.FaultSeconds} s from {start:0} s into the measured phase; {faults} requests answered 500");
        Console.WriteLine($"| customers whose model request got a 500 | {affected.Length} | first reply not the model's (fallback) {fallback.Length} | the model's answer (after a retry) {answered} | no reply {affected.Length - fallback.Length - answered} | 500 → fallback {(toFallback.Length == 0 ? "—" : $"p50 {Report.P(toFallback, 0.5):0.0} s, max {toFallback[^1]:0.0} s")} |");
    }

    private static string Kinds(ModelCall[] calls) => string.Join(", ", calls.GroupBy(c => c.Answer).OrderBy(g => g.Key).Select(g => g.Key switch
    {
        ModelAnswer.ToolCall => $"tool calls {g.Count()}",
        ModelAnswer.Text => $"final answers {g.Count()}",
        ModelAnswer.Fault => $"500s {g.Count()}",
        _ => $"abandoned by the agent before the answer {g.Count()}",
    }));

    /// <summary>One example of a reply the model did not write, so a reader sees what the agent sent.</summary>
    private static string Sample(ModelRun m, string[] customers)
    {
        foreach (var customer in customers)
        {
            if (m.Graph.Replies.TryGetValue(customer, out var texts) && texts.FirstOrDefault(t => !t.StartsWith(FakeModelServer.AnswerPrefix, StringComparison.Ordinal)) is { } text)
            {
                return $", e.g. \"{(text.Length > 120 ? text[..120] + "…" : text)}\"";
            }
        }

        return "";
    }
}
