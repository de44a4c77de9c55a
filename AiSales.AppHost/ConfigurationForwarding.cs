using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class ConfigurationForwarding
{
    /// <summary>
    /// Passes an AppHost setting (e.g. Meta:GraphApiBaseUrl) to a project as its environment variable (Meta__GraphApiBaseUrl)
    /// only when it is set, so the services' own defaults apply otherwise and tests can point them at fakes.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSettingWhenSet(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value)
            ? project
            : project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
    }

    /// <summary>
    /// Like <see cref="WithSettingWhenSet"/> for a secret: when publishing it becomes a secret parameter (never a value
    /// in the manifest); when running it is forwarded only if set.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSecretSettingWhenSet(
        this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, string key, string parameterName)
    {
        var variable = key.Replace(":", "__", StringComparison.Ordinal);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return string.IsNullOrWhiteSpace(builder.Configuration[key])
                ? project
                : project.WithEnvironment(variable, builder.AddParameter(parameterName, secret: true));
        }

        return project.WithSettingWhenSet(builder.Configuration, key);
    }
}
