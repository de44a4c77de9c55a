using System.Diagnostics;

namespace AiSales.UnitTests;

/// <summary>
/// The processor time the calling thread spends in an action, from Linux's /proc/thread-self/schedstat (its first field:
/// nanoseconds on a core). A bound on how much work something takes then holds while other tests load the machine:
/// wall time also counts the time the thread waited for a core (10 FAQ rankings took 5.7 s of wall time in a full run,
/// about 0.1 s of work). Where there is no such file, wall time.
/// </summary>
internal static class ThreadCpuTime
{
    private const string SchedStat = "/proc/thread-self/schedstat";

    public static TimeSpan Of(Action action)
    {
        var from = Now();
        var wall = Stopwatch.StartNew();
        action();
        var to = Now();
        return from is { } start && to is { } end ? TimeSpan.FromTicks((end - start) / 100) : wall.Elapsed;
    }

    private static long? Now() =>
        File.Exists(SchedStat) && long.TryParse(File.ReadAllText(SchedStat).Split(' ')[0], out var nanoseconds) ? nanoseconds : null;
}
