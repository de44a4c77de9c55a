namespace Aspire.Hosting;

/// <summary>
/// Hands services <c>Sentry__Dsn</c>. Locally it comes from the AppHost's own <c>Sentry:Dsn</c> setting and
/// may be empty (Sentry off); an empty parameter would hold every dependant in "value missing". In the
/// publish manifest it is a secret parameter that azd asks for.
/// </summary>
public static class SentryResourceExtensions
{
    private const string ParameterName = "sentry-dsn";

    public static IResourceBuilder<T> WithSentry<T>(this IResourceBuilder<T> resource) where T : IResourceWithEnvironment
    {
        var app = resource.ApplicationBuilder;
        if (!app.ExecutionContext.IsPublishMode)
        {
            return resource.WithEnvironment("Sentry__Dsn", app.Configuration["Sentry:Dsn"] ?? string.Empty);
        }

        var parameter = app.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == ParameterName) is { } existing
            ? app.CreateResourceBuilder(existing)
            : app.AddParameter(ParameterName, secret: true);
        return resource.WithEnvironment("Sentry__Dsn", parameter);
    }
}
