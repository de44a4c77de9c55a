using System.Diagnostics;

namespace AiSales.Tests.Infrastructure;

/// <summary>Runs one of the repository's scripts (scripts/…) with exactly the given environment added, and waits, bounded.</summary>
public static class ShellScript
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string script, IReadOnlyList<string> arguments, IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ServiceProcess.RepositoryRoot(),
        };
        startInfo.ArgumentList.Add(Path.Combine(ServiceProcess.RepositoryRoot(), script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Nothing inherited that names a database: only what the test passes.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout}.");
        }

        return new Result(process.ExitCode, (await stdout) + (await stderr));
    }
}
