namespace AiSales.Bench.Agent;

/// <summary>Which DM → reply run: the offline agent (default) or the agent against the fake model server.</summary>
public enum ModelMode
{
    /// <summary>The agent's own offline model (AI__Provider=offline): the platform's latency alone.</summary>
    Offline,

    /// <summary>The fake OpenAI-compatible model (`--model`): every completion takes the configured latency.</summary>
    Model,

    /// <summary>As <see cref="Model"/>, and the fake answers 500 for a window in the middle of the run (`--model-fault`).</summary>
    ModelFault,
}

/// <summary>
/// The bench's arguments. Positional, as before: [rate/s = 200] [seconds = 10, 60 with a model] [debounceMs = 0]
/// [shops = 10]. Flags: --model | --model-fault, --latency-ms 800, --fault-seconds 30, --warmup 60, --wait 60 (90 with
/// a fault), --replicas 1 (api and ai-agent processes each, through the AppHost's Replicas:*), --agent-env KEY=VALUE
/// (repeatable: extra environment for ai-agent, e.g. Intake__MaxConcurrentConversations=400), --env KEY=VALUE (repeatable:
/// for api and ai-agent both, e.g. OTEL_TRACES_SAMPLER=always_off), --statements (PostgreSQL's statements per DM through
/// pg_stat_statements, with their planning: it costs a little on every statement, so for counts, not latency).
/// </summary>
public sealed record BenchOptions(
    ModelMode Mode, int Rate, int Seconds, int DebounceMs, int Shops, int LatencyMs, int FaultSeconds, int WarmupSeconds,
    int WaitSeconds, IReadOnlyList<KeyValuePair<string, string>> AgentEnvironment, int Replicas = 1, bool Statements = false,
    IReadOnlyList<KeyValuePair<string, string>>? ServiceEnvironment = null)
{
    public bool UsesModel => Mode != ModelMode.Offline;

    /// <summary>Where the fake answers 500, from the start of the measured phase: centred in the run.</summary>
    public TimeSpan FaultStart => TimeSpan.FromSeconds(Math.Max(0, (Seconds - FaultSeconds) / 2.0));

    public static BenchOptions Parse(string[] args)
    {
        var mode = args.Contains("--model-fault") ? ModelMode.ModelFault : args.Contains("--model") ? ModelMode.Model : ModelMode.Offline;
        var positional = new List<int>();
        var environment = new List<KeyValuePair<string, string>>();
        var services = new List<KeyValuePair<string, string>>();
        var flags = new Dictionary<string, int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--model" or "--model-fault" or "--statements")
            {
                continue;
            }

            if (args[i] is "--agent-env" or "--env" && i + 1 < args.Length && args[i + 1].Split('=', 2) is [var key, var value])
            {
                (args[i] == "--env" ? services : environment).Add(new(key, value));
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                flags[args[i]] = int.Parse(args[++i]);
            }
            else
            {
                positional.Add(int.Parse(args[i]));
            }
        }

        int At(int index, int fallback) => positional.Count > index ? positional[index] : fallback;
        int Flag(string name, int fallback) => flags.TryGetValue(name, out var value) ? value : fallback;
        var unknown = flags.Keys.Except(["--latency-ms", "--fault-seconds", "--warmup", "--wait", "--replicas"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option(s) {string.Join(", ", unknown)}");
        }

        return new BenchOptions(
            mode,
            Rate: At(0, 200),
            Seconds: At(1, mode == ModelMode.Offline ? 10 : 60),
            DebounceMs: At(2, 0),
            Shops: At(3, 10),
            LatencyMs: Flag("--latency-ms", 800),
            FaultSeconds: mode == ModelMode.ModelFault ? Flag("--fault-seconds", 30) : 0,
            WarmupSeconds: Flag("--warmup", 60),
            WaitSeconds: Flag("--wait", mode == ModelMode.ModelFault ? 90 : 60),
            environment,
            Replicas: Math.Max(1, Flag("--replicas", 1)),
            Statements: args.Contains("--statements"),
            ServiceEnvironment: services);
    }
}
