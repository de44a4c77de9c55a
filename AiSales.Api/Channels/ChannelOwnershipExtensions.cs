using AiSales.Api.Channels;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting;

public static class ChannelOwnershipExtensions
{
    /// <summary>
    /// The Graph client for ownership look-ups: a read, so retried on transient failures, but kept short (a
    /// merchant waits on it) and replacing the ServiceDefaults handler so retries are not doubled.
    /// </summary>
    public static IHostApplicationBuilder AddChannelOwnership(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        var client = builder.Services.AddHttpClient<ChannelOwnership>((sp, http) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            http.BaseAddress = new Uri(graph.GraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts rule
        });
#pragma warning disable EXTEXP0001 // the documented way to drop the ServiceDefaults handler for one client
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler("graph-ownership", pipeline => pipeline
            .AddTimeout(TimeSpan.FromSeconds(15))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddTimeout(TimeSpan.FromSeconds(5)));
        return builder;
    }
}
