using System.Diagnostics;

namespace AiSales.Bench.Faults;

/// <summary>
/// One service of the platform as its own process, started as contract §2 says: `dotnet Service.dll`, environment
/// variables only, Production. Its output goes to a log file (a fault makes services log a lot); it can be killed
/// with SIGKILL and started again with the same environment, as an orchestrator would.
/// </summary>
public sealed class ServiceProcess(string dll, string logPath, IReadOnlyDictionary<string, string> environment) : IDisposable
{
    private Process? _process;
    private StreamWriter? _log;

    public string Name => Path.GetFileNameWithoutExtension(dll);

    public int Pid => _process?.Id ?? 0;

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Times the process ended without being killed by the suite (a crash).</summary>
    public int Crashes { get; private set; }

    private bool _killing;

    /// <summary>
    /// The service's entry assembly under <paramref name="root"/>: published there (`root/Service/Service.dll`, e.g.
    /// ReadyToRun by `--services`), else the checkout's build output (`root/Service/bin/Release/net10.0`).
    /// </summary>
    public static string Dll(string root, string service) =>
        new[] { Path.Combine(root, service, service + ".dll") }
            .Concat(new[] { "Release", "Debug" }.Select(c => Path.Combine(root, service, "bin", c, "net10.0", service + ".dll")))
            .FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"Build {service} first: dotnet build -c Release AiSales.sln");

    public void Start()
    {
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(dll);
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        _log ??= new StreamWriter(logPath, append: true) { AutoFlush = true };
        _log.WriteLine($"--- started {DateTime.UtcNow:O}");
        _killing = false;
        var process = Process.Start(startInfo)!;
        process.EnableRaisingEvents = true;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) =>
        {
            if (!_killing && process.ExitCode != 0)
            {
                Crashes++;
                Write($"--- exited with {process.ExitCode} (not killed by the suite)");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            _killing = true;
            process.Kill();
            process.WaitForExit();
            Write($"--- killed (SIGKILL) {DateTime.UtcNow:O}");
        }
    }

    /// <summary>A normal stop (SIGTERM) at the end of a scenario.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            _killing = true;
            Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
            if (!process.WaitForExit(15_000))
            {
                process.Kill();
            }
        }
    }

    public async Task WaitAsync()
    {
        if (_process is not null)
        {
            await _process.WaitForExitAsync();
        }
    }

    public int ExitCode => _process?.ExitCode ?? -1;

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (this)
            {
                _log?.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        Stop();
        _process?.Dispose();
        lock (this)
        {
            _log?.Dispose();
            _log = null;
        }
    }
}
