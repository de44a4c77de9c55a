using System.Diagnostics;

namespace AiSales.Bench.Agent;

/// <summary>The lines the bench prints: DM → reply and acknowledgement latency in every mode.</summary>
public static class Report
{
    /// <summary>DM → first reply (ms) per customer of the phase that got one.</summary>
    public static double[] ReplyLatencies(Phase run, FakeGraph graph) => run.Started
        .Where(kv => graph.FirstReply.ContainsKey(kv.Key))
        .Select(kv => Stopwatch.GetElapsedTime(kv.Value, graph.FirstReply[kv.Key].At).TotalMilliseconds)
        .Order()
        .ToArray();

    public static int Duplicated(Phase run, FakeGraph graph) => run.Started.Keys.Count(k => graph.RepliesTo(k) > 1);

    /// <summary>The offline bench's lines, unchanged: counts, then the DM → reply and webhook acknowledgement rows.</summary>
    public static void Latency(BenchOptions options, Phase warm, Phase run, double[] latencies, int duplicated)
    {
        var acks = run.Acked.Values.Order().ToArray();
        var sent = run.Started.Count;
        Console.WriteLine($"sent {sent}, replied {latencies.Length}, missing {sent - latencies.Length}, more than one reply {duplicated}");
        Console.WriteLine($"webhook 200 {acks.Length}/{sent}, non-200 {run.Failures.Values.Sum()}{run.DescribeFailures()}");
        if (!warm.Failures.IsEmpty)
        {
            Console.WriteLine($"warm-up non-200 {warm.Failures.Values.Sum()}{warm.DescribeFailures()}");
        }

        Console.WriteLine($"| {options.Rate}/s × {options.Seconds} s | {latencies.Length}/{sent} | p50 {P(latencies, 0.50):0.0} ms | p95 {P(latencies, 0.95):0.0} ms | p99 {P(latencies, 0.99):0.0} ms | max {latencies.LastOrDefault():0.0} ms |");
        Console.WriteLine($"| webhook ack (POST → 200) | {acks.Length}/{sent} | p50 {P(acks, 0.50):0.0} ms | p99 {P(acks, 0.99):0.0} ms | max {acks.LastOrDefault():0.0} ms |");
    }

    public static double P(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

    public static double P(IEnumerable<int> values, double q) => P(values.Select(v => (double)v).Order().ToArray(), q);
}
