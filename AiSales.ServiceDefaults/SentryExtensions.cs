using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Sentry;

namespace Microsoft.Extensions.Hosting;

/// <summary>Sentry for every service, on only when <c>Sentry__Dsn</c> is set (empty = off).</summary>
public static class SentryExtensions
{
    // Headers that carry credentials; Sentry must never receive them.
    private static readonly string[] s_sensitiveHeaders = ["Authorization", "X-Admin-Key", "X-Hub-Signature-256", "Cookie"];

    public static TBuilder AddSentryWhenConfigured<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var dsn = builder.Configuration["Sentry:Dsn"];
        if (string.IsNullOrWhiteSpace(dsn))
        {
            return builder;
        }

        void Configure(SentryOptions options)
        {
            options.Dsn = dsn;
            options.Environment = builder.Environment.EnvironmentName;
            options.SendDefaultPii = false;
            options.AttachStacktrace = true;
            options.SetBeforeSend(Scrub);
        }

        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.UseSentry(options =>
            {
                Configure(options);
                options.MinimumEventLevel = LogLevel.Error;
            });
        }
        else
        {
            builder.Logging.AddSentry(options =>
            {
                Configure(options);
                options.MinimumEventLevel = LogLevel.Error;
            });
        }

        return builder;
    }

    private static SentryEvent? Scrub(SentryEvent sentryEvent, SentryHint hint)
    {
        foreach (var header in s_sensitiveHeaders)
        {
            sentryEvent.Request.Headers.Remove(header);
        }

        sentryEvent.Request.QueryString = null;
        sentryEvent.Request.Data = null;
        return sentryEvent;
    }
}
