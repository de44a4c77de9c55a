using System.Diagnostics;

namespace AiSales.Bench;

/// <summary>Starts a built service the way contract section 2 says (environment variables only, Production) and watches it.</summary>
public static class BenchProcess
{
    public static double PeakRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public static async Task WaitAliveAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/alive");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The API did not become alive.");
            }

            await Task.Delay(200);
        }
    }

    public static Process Start(string root, string service, Dictionary<string, string> environment)
    {
        var dll = new[] { "Release", "Debug" }.Select(c => Path.Combine(root, service, "bin", c, "net10.0", service + ".dll")).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Build {service} first (dotnet build -c Release AiSales.sln).");
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.ArgumentList.Add(dll);
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["Sentry__Dsn"] = "";
        // Tuning knobs for experiments: Webhooks__* in the benchmark's environment reach the API.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("Webhooks__", StringComparison.Ordinal)))
        {
            startInfo.Environment[key] = Environment.GetEnvironmentVariable(key);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && (e.Data.Contains("fail", StringComparison.OrdinalIgnoreCase) || e.Data.Contains("crit"))) Console.Error.WriteLine($"[{service}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{service}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiSales.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
