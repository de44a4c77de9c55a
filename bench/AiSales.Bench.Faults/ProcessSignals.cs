using System.Diagnostics;

namespace AiSales.Bench.Faults;

/// <summary>Signals to a process and its descendants, and its memory, through /proc and kill(1).</summary>
public static class ProcessSignals
{
    /// <summary>SIGSTOP to the process and every descendant (PostgreSQL's backends are the postmaster's children).</summary>
    public static void Freeze(int pid) => Signal("STOP", Tree(pid));

    public static void Thaw(int pid) => Signal("CONT", Tree(pid));

    public static void Kill(int pid) => Signal("KILL", [pid]);

    /// <summary>Resident memory now, in MiB (0 when the process is gone).</summary>
    public static double RssMiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static List<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                }
                catch (IOException)
                {
                }
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    private static void Signal(string signal, List<int> pids)
    {
        if (pids.Count == 0 || pids[0] == 0)
        {
            return;
        }

        // A process of the tree may have ended meanwhile: kill(1) says so on stderr, which is not news here.
        var startInfo = new ProcessStartInfo("kill") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in pids.Select(p => p.ToString()).Prepend($"-{signal}"))
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var kill = Process.Start(startInfo)!;
        kill.StandardError.ReadToEnd();
        kill.WaitForExit();
    }
}
