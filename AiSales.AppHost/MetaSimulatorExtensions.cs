namespace Aspire.Hosting;

/// <summary>
/// Adds <c>meta-simulator</c> in run mode (never in the publish manifest): it plays Meta's Graph API, so the
/// services' <c>Meta__GraphApiBaseUrl</c> points at it, and the customers who write to the demo shop.
/// Left out with <c>MetaSimulator:Enabled=false</c>, or when <c>Meta:GraphApiBaseUrl</c> is configured (a real
/// or test Graph API is then forwarded to the services instead).
/// </summary>
public static class MetaSimulatorExtensions
{
    public static IResourceBuilder<ProjectResource>? AddMetaSimulator(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> api,
        IResourceBuilder<ProjectResource> agent,
        IResourceBuilder<ParameterResource> metaAppSecret,
        IResourceBuilder<ParameterResource> adminApiKey,
        IResourceBuilder<ProjectResource>? console = null)
    {
        if (builder.ExecutionContext.IsPublishMode
            || builder.Configuration["MetaSimulator:Enabled"] == "false"
            || !string.IsNullOrWhiteSpace(builder.Configuration["Meta:GraphApiBaseUrl"]))
        {
            return null;
        }

        var apiEndpoint = api.GetEndpoint("http");
        var simulator = builder.AddProject<Projects.AiSales_MetaSimulator>("meta-simulator")
            .WithReference(api)
            .WaitFor(api)
            .WithEnvironment("Meta__AppSecret", metaAppSecret)
            .WithEnvironment("Admin__ApiKey", adminApiKey)
            .WithEnvironment("Simulator__ApiReferenceUrl", ReferenceExpression.Create($"{apiEndpoint}/scalar"))
            .WithEnvironment("Simulator__DashboardUrl", builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "")
            .WithHttpHealthCheck("/health")
            .WithExternalHttpEndpoints();
        if (console is not null)
        {
            simulator.WithEnvironment("Simulator__ConsoleUrl", console.GetEndpoint("http"));
        }

        var graph = simulator.GetEndpoint("http");
        api.WithEnvironment("Meta__GraphApiBaseUrl", graph);
        agent.WithEnvironment("Meta__GraphApiBaseUrl", graph);
        return simulator;
    }
}
