using AiSales.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class WebhooksExtensions
{
    /// <summary>The durable inbox (group commit) and the background normaliser behind the Meta webhook routes.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration("Meta");
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddWebhookDatabase();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookInbox>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookInbox>());
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookNormaliser>();
        builder.Services.AddSingleton<InboundPublisher>();
        builder.Services.AddHostedService<WebhookProcessor>();
        builder.Services.AddOptions<WebhookRetentionOptions>()
            .BindConfiguration(WebhookRetentionOptions.Section)
            .Validate(o => o.ProcessedDays > 0 && o.UnprocessedDays > 0 && o.Interval > TimeSpan.Zero && o.BatchSize >= 1,
                "Webhooks__Retention__ProcessedDays, __UnprocessedDays and __Interval must be positive, __BatchSize at least 1.")
            .ValidateOnStart();
        builder.Services.AddHostedService<WebhookRetention>();
        return builder;
    }
}
