using AiSales.Api.Channels;

namespace Microsoft.Extensions.Hosting;

public static class ChannelOwnershipExtensions
{
    /// <summary>
    /// The Graph client for ownership look-ups: a read, so retried on transient failures, but kept short (a
    /// merchant waits on it) and replacing the ServiceDefaults handler so retries are not doubled.
    /// </summary>
    public static IHostApplicationBuilder AddChannelOwnership(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGraphClient<ChannelOwnership>()
            .AddGraphReadRetries("graph-ownership", total: TimeSpan.FromSeconds(15), attempt: TimeSpan.FromSeconds(5));
        return builder;
    }
}
