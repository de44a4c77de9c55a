using Aspire.Hosting.Publishing;

namespace AiSales.AppHost.Deployment;

/// <summary>
/// Publishes the migrator as an Azure Container Apps job instead of a container app: a <c>project.v1</c> resource
/// whose deployment is <c>migrations-job.module.bicep</c> (Microsoft.App/jobs, manual trigger), the shape azd deploys
/// for Aspire's own PublishAsAzureContainerAppJob. Local runs are untouched (WaitForCompletion orders them).
/// </summary>
public static class MigrationJob
{
    public const string ModuleFileName = "migrations-job.module.bicep";

    public static IResourceBuilder<ProjectResource> PublishAsContainerAppsJob(
        this IResourceBuilder<ProjectResource> migrator, IResourceBuilder<IResourceWithConnectionString> database)
    {
        if (!migrator.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return migrator;
        }

        return migrator.WithManifestPublishingCallback(context => Write(context, migrator.Resource, database.Resource));
    }

    private static void Write(ManifestPublishingContext context, ProjectResource migrator, IResource database)
    {
        // The module travels with the manifest: azd reads its path relative to the manifest's folder.
        var manifestFolder = Path.GetDirectoryName(Path.GetFullPath(context.ManifestPath!))!;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Deployment", ModuleFileName), Path.Combine(manifestFolder, ModuleFileName), overwrite: true);

        var writer = context.Writer;
        writer.WriteString("type", "project.v1");
        writer.WriteString("path", context.GetManifestRelativePath(migrator.GetProjectMetadata().ProjectPath));
        writer.WriteStartObject("deployment");
        writer.WriteString("type", "azure.bicep.v0");
        writer.WriteString("path", ModuleFileName);
        writer.WriteStartObject("params");
        writer.WriteString("outputs_azure_container_apps_environment_id", "{.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_ID}");
        writer.WriteString("outputs_azure_container_registry_endpoint", "{.outputs.AZURE_CONTAINER_REGISTRY_ENDPOINT}");
        writer.WriteString("outputs_azure_container_registry_managed_identity_id", "{.outputs.AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID}");
        writer.WriteString("outputs_managed_identity_client_id", "{.outputs.MANAGED_IDENTITY_CLIENT_ID}");
        writer.WriteString("migrations_containerimage", $"{{{migrator.Name}.containerImage}}");
        // Expressions only: azd resolves them at deploy time, so no secret value is ever written here.
        writer.WriteString("aisalesdb_connectionstring", $"{{{database.Name}.connectionString}}");
        writer.WriteString("sentry_dsn_value", "{sentry-dsn.value}");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
