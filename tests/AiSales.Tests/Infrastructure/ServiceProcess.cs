using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace AiSales.Tests.Infrastructure;

/// <summary>
/// Runs one of our services as its own process, outside the AppHost, configured by environment variables
/// only: the way an operator (or the black-box run) starts it.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri? BaseAddress { get; }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts AiSales.Api, AiSales.AiAgent or AiSales.MigrationService with exactly the given environment.</summary>
    public static ServiceProcess Start(string service, IDictionary<string, string?> environment, bool http = false)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(AssemblyPath(service));

        // Start clean: nothing inherited from the test runner's configuration.
        foreach (var key in startInfo.Environment.Keys.Where(IsConfigurationVariable).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        Uri? baseAddress = null;
        if (http)
        {
            baseAddress = new Uri($"http://127.0.0.1:{FreeTcpPort()}");
            startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        }

        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {service}.");
        return new ServiceProcess(process, baseAddress);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits until GET /alive answers 200, each probe given 5 s; returns a client for the tests whose requests get 30 s
    /// (a fresh process's first requests compile their endpoints, slow while the whole suite starts at once).
    /// </summary>
    public async Task<HttpClient> WaitUntilAliveAsync(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await client.GetAsync("/alive", probe.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return client;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The service did not become alive within {timeout}:\n{Output}");
    }

    /// <summary>Waits until the output holds a line that satisfies <paramref name="match"/>.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(match))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static string AssemblyPath(string service)
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var root = RepositoryRoot();
        var path = Path.Combine(root, service, "bin", configuration, "net10.0", $"{service}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {service} first: {path} is missing.");
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AiSales.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AiSales.sln not found above the test output.");
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsConfigurationVariable(string key) =>
        key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Meta__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Admin__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("AI__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Sentry__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
        || key.Equals("ENCRYPTION_KEY_HEX", StringComparison.OrdinalIgnoreCase);
}
