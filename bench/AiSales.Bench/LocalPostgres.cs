using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiSales.Bench;

/// <summary>A throw-away PostgreSQL 15 cluster under /tmp (default durability settings: fsync and synchronous_commit on).</summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _root;
    private Process? _server;
    private string[] _serverArgs = [];

    private LocalPostgres(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The postmaster's process id (the fault suite stops, freezes and restarts it).</summary>
    public int ServerPid => _server?.Id ?? 0;

    public string ConnectionString(string database, int maxPool = 100) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size={maxPool};Timeout=10";

    public static async Task<LocalPostgres> StartAsync()
    {
        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).First(d => File.Exists(Path.Combine(d, "postgres")));
        var root = Path.Combine("/tmp", "aisales-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        await RunAsync("chmod", "755", root);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", root);
        }

        var data = Path.Combine(root, "data");
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var pg = new LocalPostgres(root, FreePort());
        pg._serverArgs = [Path.Combine(bin, "postgres"), "-D", data, "-k", root, "-p", pg.Port.ToString(),
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=256MB"];
        await pg.StartServerAsync();
        return pg;
    }

    /// <summary>A fast shutdown (SIGINT: sessions are ended, nothing committed is lost), then the same server again.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        if (_server is { HasExited: false } server)
        {
            Process.Start("kill", ["-INT", server.Id.ToString()]).WaitForExit();
            await server.WaitForExitAsync();
        }

        await Task.Delay(down);
        await StartServerAsync();
    }

    private async Task StartServerAsync()
    {
        _server = StartAsPostgres(_serverArgs[0], _serverArgs[1..]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Process StartAsPostgres(string program, params string[] args)
    {
        var startInfo = IsRoot ? new ProcessStartInfo("setpriv") : new ProcessStartInfo(program);
        if (IsRoot)
        {
            foreach (var a in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", "--", program })
            {
                startInfo.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            startInfo.ArgumentList.Add(a);
        }

        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.WorkingDirectory = "/tmp";
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsPostgresAsync(string program, params string[] args)
    {
        using var process = StartAsPostgres(program, args);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}");
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
