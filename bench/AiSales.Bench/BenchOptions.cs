namespace AiSales.Bench;

public sealed record BenchOptions(
    int DurationSeconds, int CeilingSeconds, int Connections, int BatchedPercent, int DrainSeconds, bool Storm, int BadKeysPerSecond, int ImportRows)
{
    public static BenchOptions Parse(string[] args)
    {
        int Read(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
        }

        return new BenchOptions(Read("--duration", 20), Read("--ceiling-duration", 10), Read("--connections", 100),
            Read("--batched-percent", 10), Read("--drain", 60), args.Contains("--storm"), Read("--bad-keys-per-second", 2000), Read("--import-rows", 20000));
    }
}
