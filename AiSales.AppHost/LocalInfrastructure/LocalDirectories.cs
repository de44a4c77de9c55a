using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AiSales.AppHost.LocalInfrastructure;

/// <summary>
/// Working directories of the local PostgreSQL and Redis: under /tmp (the postgres user cannot enter
/// /root), one per AppHost run, removed when the AppHost stops; directories left by an AppHost that died
/// are swept (and their orphaned servers stopped) when the next one starts.
/// </summary>
internal static class LocalDirectories
{
    private const string OwnerFile = "apphost.pid";

    public static string Create(string prefix)
    {
        SweepStale(prefix);
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, OwnerFile), Environment.ProcessId.ToString());
        return path;
    }

    public static void Remove(string path, string? serverPidFile)
    {
        StopServer(serverPidFile);
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the next start sweeps it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void SweepStale(string prefix)
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            // Ours (this process is alive): another AppHost in the same process (parallel test collections)
            // may have created it and not yet written its owner file.
            if (Path.GetFileName(dir).StartsWith($"{prefix}{Environment.ProcessId}-", StringComparison.Ordinal))
            {
                continue;
            }

            var ownerFile = Path.Combine(dir, OwnerFile);
            if (File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile), out var owner) && IsAlive(owner))
            {
                continue;
            }

            Remove(dir, FindPidFile(dir));
        }
    }

    private static string? FindPidFile(string dir) =>
        new[] { Path.Combine(dir, "data", "postmaster.pid"), Path.Combine(dir, "redis.pid") }.FirstOrDefault(File.Exists);

    private static void StopServer(string? pidFile)
    {
        if (pidFile is null || !File.Exists(pidFile))
        {
            return;
        }

        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (!int.TryParse(firstLine, out var pid) || !IsAlive(pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
