using System.Net;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AiSales.AiAgent.Delivery;

/// <summary>
/// The Graph client's own pipeline, replacing the standard handler from ServiceDefaults (whose retries would
/// double these and would also retry timeouts and 429s, which here must not be blindly repeated).
/// </summary>
public static class GraphResilience
{
    public const string ClientName = "graph";

    public static IHttpClientBuilder AddGraphClient(this IServiceCollection services)
    {
        var builder = services.AddHttpClient<GraphClient>((sp, http) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            http.BaseAddress = new Uri(graph.GraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts rule
        });

#pragma warning disable EXTEXP0001 // the documented way to drop the ServiceDefaults handler for one client
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddResilienceHandler(ClientName, (pipeline, context) =>
        {
            var delivery = context.ServiceProvider.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            pipeline
                .AddTimeout(TimeSpan.FromSeconds(delivery.AttemptTimeoutSeconds * 3 + 5))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ShouldRetryAsync(args.Outcome),
                })
                .AddTimeout(TimeSpan.FromSeconds(delivery.AttemptTimeoutSeconds));
        });
        return builder;
    }

    /// <summary>
    /// The typing indicator's queue, sender and client: one attempt, a short timeout, no retries (best effort, contract
    /// §5), at most <c>Delivery__TypingConcurrency</c> connections.
    /// </summary>
    public static IHttpClientBuilder AddTypingClient(this IServiceCollection services)
    {
        services.AddSingleton<TypingIndicator>();
        services.AddHostedService<TypingSender>();
        var builder = services.AddHttpClient(TypingSender.ClientName, (sp, http) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var delivery = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value;
            http.BaseAddress = new Uri(graph.GraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromMilliseconds(Math.Max(100, delivery.TypingTimeoutMilliseconds));
        }).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.TypingConcurrency),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
#pragma warning disable EXTEXP0001 // no retries for a best-effort signal
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        if (outcome.Result is not { } response || response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync();
        var (code, _) = GraphClient.ErrorOf(await response.Content.ReadAsStringAsync());
        return GraphSendResult.Classify(code, (int)response.StatusCode) == GraphOutcome.Transient;
    }
}
