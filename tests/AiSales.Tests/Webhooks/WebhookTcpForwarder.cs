using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// A switchable TCP forwarder to the real PostgreSQL: "stopping the database" for one API process without
/// touching the server the other tests share. Off = the port refuses connections and open ones are cut;
/// frozen = bytes are held, not lost, until thawed (a hung server, like SIGSTOP).
/// </summary>
public sealed class WebhookTcpForwarder : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource _cts = new();
    private volatile TaskCompletionSource _thawed = Open();

    public WebhookTcpForwarder(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Parse(targetHost == "localhost" ? "127.0.0.1" : targetHost), targetPort);
        Port = ServiceProcess.FreeTcpPort();
    }

    public int Port { get; }

    public void Start()
    {
        _cts = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptLoopAsync(_listener, _cts.Token);
    }

    /// <summary>Holds every byte in both directions (open connections and new ones) until <see cref="Thaw"/>.</summary>
    public void Freeze() => _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Thaw() => _thawed.TrySetResult();

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    public void Stop()
    {
        _cts.Cancel();
        _listener?.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
        {
            try
            {
                connection.Client?.LingerState = new LingerOption(true, 0); // reset, like a server that died
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }

            connection.Dispose();
        }

        _connections.Clear();
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception)
            {
                return;
            }

            _ = PipeAsync(client, cancellationToken);
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var upstream = new TcpClient();
        _connections[client] = 0;
        _connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(_target, cancellationToken);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(CopyAsync(a, b, cancellationToken), CopyAsync(b, a, cancellationToken));
        }
        catch (Exception)
        {
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(upstream, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await _thawed.Task.WaitAsync(cancellationToken);
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
