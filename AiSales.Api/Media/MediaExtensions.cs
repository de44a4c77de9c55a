using AiSales.Api.Media;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.Hosting;

public static class MediaExtensions
{
    /// <summary>Customers' files (docs/media.md): the blob store, the downloader with its Polly pipeline, the worker, the retention.</summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>()
            .BindConfiguration(MediaOptions.Section)
            .Validate(o => o.Workers >= 0 && o.MaxAttempts >= 1 && o.AttemptTimeoutSeconds >= 1 && o.PollMilliseconds >= 1,
                "Media__Workers must be 0 or more; Media__MaxAttempts, __AttemptTimeoutSeconds and __PollMilliseconds at least 1.")
            .Validate(o => o.RetentionDays >= 0 && o.RetentionBatchSize >= 1 && o.RetentionInterval > TimeSpan.Zero,
                "Media__RetentionDays must be 0 (keep files) or more; Media__RetentionBatchSize at least 1; Media__RetentionInterval positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<IOptions<MediaOptions>>().Value.UsesAzure
            ? new AzureBlobStore(sp.GetRequiredService<IOptions<MediaOptions>>())
            : new FileBlobStore(sp.GetRequiredService<IOptions<MediaOptions>>()));
        builder.Services.AddSingleton<MediaStore>();
        builder.Services.AddSingleton<MediaFetcher>();
        builder.Services.AddHostedService<MediaWorker>();
        builder.Services.AddHostedService<MediaRetention>();

        var client = builder.Services.AddGraphClient<MediaDownloader>();
        // Reads, so safe to repeat: 5xx, 408, 429 and connection failures are retried with back-off; 401/403/404/410
        // are not (an expired media URL is answered by a fresh look-up in MediaDownloader, not by repeating it).
        client.AddResilienceHandler("graph-media", (pipeline, context) =>
        {
            var attempt = TimeSpan.FromSeconds(context.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.AttemptTimeoutSeconds);
            pipeline
                .AddTimeout(attempt * 4 + TimeSpan.FromSeconds(10))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    MaxDelay = TimeSpan.FromSeconds(5),
                    ShouldRetryAfterHeader = true,
                })
                .AddTimeout(attempt);
        });
        return builder;
    }
}
