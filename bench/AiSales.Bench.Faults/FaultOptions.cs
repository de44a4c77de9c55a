namespace AiSales.Bench.Faults;

/// <summary>
/// The suite's settings: `--only a,b` (scenario names), `--warmup 15` s of load before measuring, `--before 10` s of
/// measured load before the fault, `--after 20` s after it, `--connections 100` and `--webhook-rate 400`/s for the
/// flood, `--conversations 10` new conversations/s, `--shops 4`, `--model-latency-ms 300`, `--fuzz-bodies 100000`,
/// `--wait 60` s for the last replies, `--logs DIR` for the services' logs, `--services DIR` to run the services published
/// there (`DIR/AiSales.Api/AiSales.Api.dll`, …; e.g. ReadyToRun, docs/reliability.md) instead of the checkout's build.
/// </summary>
public sealed record FaultOptions(
    IReadOnlySet<string>? Only, int WarmupSeconds, int BeforeSeconds, int AfterSeconds, int Connections, int WebhookRate,
    int ConversationRate, int Shops, int ModelLatencyMs, int FuzzBodies, int WaitSeconds, string LogDirectory, string? Services = null)
{
    private static readonly string[] Numbers =
        ["--warmup", "--before", "--after", "--connections", "--webhook-rate", "--conversations", "--shops", "--model-latency-ms", "--fuzz-bodies", "--wait"];

    public static FaultOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --option value, got '{args[i]}'");
            }

            values[args[i]] = args[++i];
        }

        var unknown = values.Keys.Except([.. Numbers, "--only", "--logs", "--services"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option(s) {string.Join(", ", unknown)}");
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var v)
            ? int.TryParse(v, out var n) && n >= 0 ? n : throw new ArgumentException($"{name} takes a whole number ≥ 0, got '{v}'")
            : fallback;

        return new FaultOptions(
            values.TryGetValue("--only", out var only) ? only.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : null,
            Number("--warmup", 15), Number("--before", 10), Number("--after", 20), Math.Max(1, Number("--connections", 100)),
            Math.Max(1, Number("--webhook-rate", 400)), Math.Max(1, Number("--conversations", 10)), Math.Max(1, Number("--shops", 4)),
            Number("--model-latency-ms", 300), Number("--fuzz-bodies", 100_000), Number("--wait", 60),
            values.TryGetValue("--logs", out var logs) ? logs : Path.Combine(Path.GetTempPath(), $"aisales-faults-{DateTime.UtcNow:yyyyMMdd-HHmmss}"),
            values.TryGetValue("--services", out var services) ? Path.GetFullPath(services) : null);
    }
}
