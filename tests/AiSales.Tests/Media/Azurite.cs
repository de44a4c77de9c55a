using System.Diagnostics;
using System.Net.Sockets;

namespace AiSales.Tests.Media;

/// <summary>
/// Azurite's blob service as a local process (no Docker), installed by scripts/azurite.sh into .tools/azurite (test.sh
/// runs it), or named by AISALES_AZURITE_BLOB. Its well-known development account and key are public by design.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _location;
    private bool _disposed;

    private Azurite(Process process, string location, int port)
    {
        _process = process;
        _location = location;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    /// <summary>The azurite-blob command, or null when it is not installed.</summary>
    public static string? Executable { get; } = Find();

    public static async Task<Azurite> StartAsync(TimeSpan timeout)
    {
        var location = Path.Combine(Path.GetTempPath(), $"aisales-azurite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(location);
        var port = ServiceProcess.FreeTcpPort();
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("Azurite is not installed (scripts/azurite.sh)."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--silent", "--location", location, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--skipApiVersionCheck" })
        {
            start.ArgumentList.Add(argument);
        }

        var azurite = new Azurite(Process.Start(start)!, location, port);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        azurite._process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        azurite._process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        azurite._process.BeginOutputReadLine();
        azurite._process.BeginErrorReadLine();
        // Node starts slowly on a busy two-core machine (seconds to tens of seconds): wait for the port, not a guess.
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return azurite;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !azurite._process.HasExited)
            {
                await Task.Delay(200);
            }
            catch (SocketException ex)
            {
                var exited = azurite._process.HasExited;
                await azurite.DisposeAsync();
                throw new InvalidOperationException(
                    $"Azurite did not listen on port {port} within {timeout} (exited: {exited}): {string.Join('\n', output)}", ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_location, recursive: true);
    }

    private static string? Find()
    {
        var named = Environment.GetEnvironmentVariable("AISALES_AZURITE_BLOB");
        if (!string.IsNullOrEmpty(named))
        {
            return File.Exists(named) ? named : null;
        }

        var installed = Path.Combine(ServiceProcess.RepositoryRoot(), ".tools", "azurite", "node_modules", ".bin", "azurite-blob");
        return File.Exists(installed) ? installed : null;
    }
}

/// <summary>A fact that needs Azurite: skipped, saying why, only when it is not installed.</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        if (Azurite.Executable is null)
        {
            Skip = "Azurite is not installed: run scripts/azurite.sh (npm install azurite) or set AISALES_AZURITE_BLOB.";
        }
    }
}
