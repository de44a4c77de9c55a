namespace AiSales.Bench.Console;

/// <summary>--conversations 10000 --messages 200000 --big 500 --watchers 50 --live 40 --interval-ms 500 --loads 10</summary>
public sealed record BenchOptions(int Conversations, int Messages, int Big, int Watchers, int Live, int IntervalMs, int Loads)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var at = Array.IndexOf(args, $"--{name}");
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
        }

        return new BenchOptions(Get("conversations", 10_000), Get("messages", 200_000), Get("big", 500), Get("watchers", 50),
            Get("live", 40), Get("interval-ms", 500), Get("loads", 10));
    }
}
