using System.Diagnostics;
using System.Net.Sockets;
using AiSales.Bench.Agent;

namespace AiSales.Bench.Faults;

/// <summary>A throw-away redis-server on loopback (no persistence): killed and started again by the Redis scenarios.</summary>
public sealed class LocalRedis : IDisposable
{
    private Process? _server;

    public int Port { get; } = Ports.Free();

    public int Pid => _server?.Id ?? 0;

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var startInfo = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        _server = Process.Start(startInfo)
            ?? throw new InvalidOperationException("redis-server could not be started (apt-get install redis-server)");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public void Kill()
    {
        if (_server is { HasExited: false } server)
        {
            server.Kill();
            server.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _server?.Dispose();
    }
}
