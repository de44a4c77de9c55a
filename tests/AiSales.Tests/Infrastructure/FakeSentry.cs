using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Infrastructure;

/// <summary>A local HTTP listener that accepts Sentry envelopes (gzip or plain) and keeps their text.</summary>
public sealed class FakeSentry : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _envelopes = new();

    private FakeSentry(WebApplication app, int port)
    {
        _app = app;
        Dsn = $"http://publickey@127.0.0.1:{port}/1";
    }

    public string Dsn { get; }

    public IReadOnlyCollection<string> Envelopes => _envelopes;

    public static async Task<FakeSentry> StartAsync()
    {
        var (app, port) = LocalHttpServer.Create();
        var fake = new FakeSentry(app, port);
        app.MapPost("/api/{project}/envelope/", async (HttpRequest request) =>
        {
            Stream body = request.Body;
            if (request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            {
                body = new GZipStream(request.Body, CompressionMode.Decompress);
            }

            using var reader = new StreamReader(body);
            fake._envelopes.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        return fake;
    }

    public async Task<string?> WaitForEnvelopeAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _envelopes.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
