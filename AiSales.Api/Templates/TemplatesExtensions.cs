using AiSales.Api.Templates;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting;

public static class TemplatesExtensions
{
    /// <summary>The template catalogue's Graph client: a read a person waits on, so retried briefly and kept short.</summary>
    public static IHostApplicationBuilder AddTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section);
        builder.Services.AddMemoryCache();
        var client = builder.Services.AddHttpClient<TemplateCatalog>((sp, http) =>
        {
            var graph = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            http.BaseAddress = new Uri(graph.GraphApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts rule
        });
#pragma warning disable EXTEXP0001 // the documented way to drop the ServiceDefaults handler for one client
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler("graph-templates", pipeline => pipeline
            .AddTimeout(TimeSpan.FromSeconds(20))
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddTimeout(TimeSpan.FromSeconds(8)));
        return builder;
    }
}
