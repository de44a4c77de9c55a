using AiSales.Core.Messaging;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The api's typed Graph API clients (ownership look-ups, templates, media): the base address from <see cref="GraphOptions"/>,
/// timeouts left to the client's own pipeline, and the ServiceDefaults resilience handler removed so retries are never doubled.
/// </summary>
public static class GraphHttpClients
{
    public static IHttpClientBuilder AddGraphClient<TClient>(this IServiceCollection services) where TClient : class
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        var client = services.AddHttpClient<TClient>((sp, http) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            http.BaseAddress = new Uri(graph.GraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts rule
        });
#pragma warning disable EXTEXP0001 // the documented way to drop the ServiceDefaults handler for one client
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return client;
    }

    /// <summary>A read a person waits on: two quick retries with jittered back-off, each attempt and the whole call bounded.</summary>
    public static IHttpClientBuilder AddGraphReadRetries(this IHttpClientBuilder client, string name, TimeSpan total, TimeSpan attempt)
    {
        client.AddResilienceHandler(name, pipeline => pipeline
            .AddTimeout(total)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddTimeout(attempt));
        return client;
    }
}
