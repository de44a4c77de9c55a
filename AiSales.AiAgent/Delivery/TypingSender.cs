using System.Net.Http.Headers;
using System.Net.Http.Json;
using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// Sends the queued read receipts and typing indicators with <c>Delivery__TypingConcurrency</c> requests at a time over
/// as many pooled connections: one attempt each, a short timeout, never retried, never thrown; failures are logged at
/// debug without the token or the body. A request that waited past its timeout in the queue is dropped; one whose turn
/// already committed its reply goes out as the read receipt alone.
/// </summary>
public sealed class TypingSender(
    TypingIndicator indicator,
    IHttpClientFactory clients,
    SecretProtector secrets,
    IOptions<GraphOptions> graph,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<TypingSender> logger) : BackgroundService
{
    public const string ClientName = "typing";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, delivery.Value.TypingConcurrency)).Select(_ => DrainAsync(stoppingToken)));

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await indicator.Queue.WaitToReadAsync(stoppingToken))
            {
                while (indicator.Queue.TryRead(out var signal))
                {
                    await SendAsync(signal, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(TypingSignal signal, CancellationToken stoppingToken)
    {
        var target = signal.Target;
        try
        {
            if (time.GetElapsedTime(signal.QueuedAt).TotalMilliseconds > delivery.Value.TypingTimeoutMilliseconds)
            {
                return; // stale: the customer has most likely been answered already
            }

            var bodies = TypingBodies.For(target.Platform, target.Recipient, target.LastMessageExternalId, typing: !signal.Replied);
            if (bodies.Count == 0)
            {
                return;
            }

            var token = secrets.Open(target.Token, $"channel-token:{target.MerchantId}:{target.Platform}");
            var path = $"{graph.Value.GraphApiVersion.Trim('/')}/{Uri.EscapeDataString(target.AccountId)}/messages";
            var http = clients.CreateClient(ClientName);
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, stoppingToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogDebug("Typing indicator on {Platform} account {AccountId}: HTTP {Status}", target.Platform, target.AccountId, (int)response.StatusCode);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // Never thrown, not even a failure during shutdown: only the stop's own cancellation ends the sender.
            logger.LogDebug("Typing indicator on {Platform} account {AccountId} not shown: {Error}", target.Platform, target.AccountId, ex.GetType().Name);
        }
    }
}
