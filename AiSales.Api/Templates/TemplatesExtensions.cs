using AiSales.Api.Templates;

namespace Microsoft.Extensions.Hosting;

public static class TemplatesExtensions
{
    /// <summary>The template catalogue's Graph client: a read a person waits on, so retried briefly and kept short.</summary>
    public static IHostApplicationBuilder AddTemplates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddGraphClient<TemplateCatalog>()
            .AddGraphReadRetries("graph-templates", total: TimeSpan.FromSeconds(20), attempt: TimeSpan.FromSeconds(8));
        return builder;
    }
}
