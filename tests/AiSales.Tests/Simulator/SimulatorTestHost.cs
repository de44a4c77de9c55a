using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Simulator;

/// <summary>A webhook as the stand-in AiSales API received it, with whether its signature verified.</summary>
public sealed record ReceivedWebhook(string Platform, string Body, bool SignatureValid);

/// <summary>
/// The simulator as its own process (env vars only), pointed at a stand-in AiSales API that records the
/// webhooks it receives and checks their signatures, so the simulator's Meta side is tested alone.
/// </summary>
public sealed class SimulatorTestHost : IAsyncLifetime
{
    public const string AppSecret = "simulator-test-app-secret";

    private readonly ConcurrentQueue<ReceivedWebhook> _webhooks = new();
    private WebApplication? _fakeApi;
    private ServiceProcess? _simulator;

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedWebhook> Webhooks => _webhooks;

    public async Task InitializeAsync()
    {
        (_fakeApi, var apiPort) = LocalHttpServer.Create();
        _fakeApi.MapPost("/webhooks/{platform}", async (string platform, HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var expected = AiSales.Tests.Webhooks.WebhookTestClient.Sign(buffer.ToArray(), AppSecret);
            var valid = request.Headers["X-Hub-Signature-256"].ToString() == expected;
            _webhooks.Enqueue(new ReceivedWebhook(platform, Encoding.UTF8.GetString(buffer.ToArray()), valid));
            return Results.Ok();
        });
        await _fakeApi.StartAsync();

        _simulator = ServiceProcess.Start("AiSales.MetaSimulator", new Dictionary<string, string?>
        {
            ["Meta__AppSecret"] = AppSecret,
            ["Simulator__ApiBaseUrl"] = $"http://127.0.0.1:{apiPort}",
            ["Simulator__SeedDemo"] = "false",
            ["Simulator__StatusDelayMilliseconds"] = "20",
        }, http: true);
        Client = await _simulator.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));
    }

    public async Task<(string AccountId, string Token)> RegisterAccountAsync(string platform)
    {
        var accountId = platform == "whatsapp" ? $"10{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}" : $"1784{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        using var response = await Client.PostAsJsonAsync("/simulator/accounts", new { platform, accountId, accessToken = token, displayName = "Test shop " + accountId });
        response.EnsureSuccessStatusCode();
        return (accountId, token);
    }

    public async Task<List<ReceivedWebhook>> WaitForWebhooksAsync(Func<ReceivedWebhook, bool> match, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _webhooks.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return _webhooks.Where(match).ToList();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        if (_fakeApi is not null)
        {
            await _fakeApi.StopAsync();
            await _fakeApi.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorTestHost>
{
    public const string Name = "Simulator";
}
