using Npgsql;

namespace AiSales.Bench.Agent;

/// <summary>One look at PostgreSQL's client sessions (other than the sampler's own), at a Stopwatch timestamp.</summary>
public sealed record SessionSample(long At, int Busy, int IdleInTransaction, int Open, double LongestIdleInTransactionSeconds);

/// <summary>
/// Samples pg_stat_activity every ~100 ms through its own connection: busy sessions (state other than idle),
/// sessions idle in a transaction, and how long the oldest of those has been waiting.
/// </summary>
public static class SessionSampler
{
    private const string Sql = """
        SELECT count(*) FILTER (WHERE state <> 'idle'),
               count(*) FILTER (WHERE state = 'idle in transaction'),
               count(*),
               coalesce(extract(epoch FROM max(clock_timestamp() - state_change) FILTER (WHERE state = 'idle in transaction')), 0)::float8
        FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
        """;

    public static async Task<List<SessionSample>> RunAsync(string connectionString, CancellationToken stop)
    {
        var samples = new List<SessionSample>();
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(stop);
        await using var command = new NpgsqlCommand(Sql, connection);
        await command.PrepareAsync(stop);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await using var reader = await command.ExecuteReaderAsync(stop);
                await reader.ReadAsync(stop);
                samples.Add(new SessionSample(System.Diagnostics.Stopwatch.GetTimestamp(), (int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), reader.GetDouble(3)));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return samples;
    }
}

/// <summary>
/// The ai-agent process's resident memory: VmRSS every ~100 ms, and the kernel's own peak (VmHWM) at the end; and the
/// CPU time it used over the sampling (user + system, from /proc/PID/stat).
/// </summary>
public sealed record MemorySamples(int? Pid, List<long> RssKiB, long PeakKiB, double CpuSeconds = 0);

public static class RssSampler
{
    public static async Task<MemorySamples> RunAsync(string processName, CancellationToken stop)
    {
        var samples = new List<long>();
        var pid = Find(processName);
        long hwm = 0;
        long? firstTicks = null, lastTicks = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                pid ??= Find(processName);
                if (pid is { } p && Status(p) is { } status)
                {
                    samples.Add(status.RssKiB);
                    hwm = Math.Max(hwm, status.HwmKiB);
                    lastTicks = CpuTicks(p) ?? lastTicks;
                    firstTicks ??= lastTicks;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        // Clock ticks are 1/100 s on Linux (sysconf(_SC_CLK_TCK)).
        var cpu = (lastTicks - firstTicks ?? 0) / 100.0;
        return new MemorySamples(pid, samples, Math.Max(hwm, samples.DefaultIfEmpty().Max()), cpu);
    }

    /// <summary>utime + stime (fields 14 and 15 of /proc/PID/stat), in clock ticks.</summary>
    private static long? CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// The service's own process, not the `dotnet run` (or DCP) wrapper whose arguments also name the project: the
    /// process whose first argument is the apphost executable or whose arguments include the service's dll, under this
    /// checkout (other engineers' AppHosts on the same machine run the same names); the latest started if several.
    /// </summary>
    public static int? Find(string processName)
    {
        var checkout = Checkout();
        (int Pid, long Started)? found = null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                var image = argv.FirstOrDefault(a => Path.GetFileName(a) == processName || Path.GetFileName(a) == processName + ".dll");
                if (argv.Length == 0 || image is null || (image != argv[0] && !argv[0].EndsWith("dotnet", StringComparison.Ordinal))
                    || (checkout is not null && !Path.GetFullPath(image).StartsWith(checkout, StringComparison.Ordinal)))
                {
                    continue;
                }

                // Field 22 of /proc/PID/stat, after the parenthesised command name: start time in clock ticks.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var started = long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19]);
                if (found is null || started > found.Value.Started)
                {
                    found = (pid, started);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return found?.Pid;
    }

    /// <summary>The directory holding AiSales.sln above this bench's binaries, with a trailing slash.</summary>
    private static string? Checkout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiSales.sln")))
            {
                return dir.FullName.TrimEnd('/') + "/";
            }
        }

        return null;
    }

    private static (long RssKiB, long HwmKiB)? Status(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = KiB(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = KiB(line);
            }

            return (rss, hwm);
        }
        catch (IOException)
        {
            return null;
        }

        static long KiB(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
}
