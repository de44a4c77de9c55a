using AiSales.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class OperationsExtensions
{
    /// <summary>The operations gauges (backlog age, parked turns, disconnected channels) and their background sampler.</summary>
    public static TBuilder AddOperationsMetrics<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OperationsOptions>()
            .BindConfiguration("Operations")
            .Validate(o => o.SampleInterval >= TimeSpan.FromSeconds(1), "Operations:SampleInterval must be at least 00:00:01.")
            .ValidateOnStart();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OperationsQuery>();
        builder.Services.AddSingleton<OperationsMetrics>();
        builder.Services.AddHostedService<OperationsSampler>();
        return builder;
    }
}
