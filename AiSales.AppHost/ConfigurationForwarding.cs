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

    /// <summary>
    /// Runs a service as several processes when <paramref name="key"/> (Replicas:Api, Replicas:AiAgent) is set: every
    /// guarantee holds across replicas (docs/operations.md, "Replicas"). One line naming the setting when it is bad.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReplicasFrom(
        this IResourceBuilder<ProjectResource> project, IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return project;
        }

        if (!int.TryParse(value, out var replicas) || replicas is < 1 or > 20)
        {
            throw new InvalidOperationException($"Setting {key} must be a whole number from 1 to 20 (got '{value}').");
        }

        return replicas == 1 ? project : project.WithReplicas(replicas);
    }
}
