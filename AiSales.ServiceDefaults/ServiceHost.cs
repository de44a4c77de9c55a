using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>How every AiSales web service builds its host, wherever and however it is started.</summary>
public static class ServiceHost
{
    /// <summary>
    /// The content root is the service's own folder (unless <c>ASPNETCORE_CONTENTROOT</c> says otherwise): started as
    /// <c>dotnet /opt/aisales/api/AiSales.Api.dll</c> from any directory, it still reads its appsettings.json (log
    /// levels among them). Static web assets are on in every environment: run from the build output in Production, the
    /// console serves its scripts and styles from the build's manifest; published output has no such manifest, so
    /// there it changes nothing.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var contentRoot = Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")
            ?? Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT")
            ?? AppContext.BaseDirectory;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>
    /// The service's name in telemetry when <c>OTEL_SERVICE_NAME</c> is not set (outside the AppHost, which sets it): the
    /// AppHost's resource name, so traces and metrics read the same wherever the service runs.
    /// </summary>
    public static string ServiceName(string applicationName) => applicationName switch
    {
        "AiSales.Api" => "api",
        "AiSales.AiAgent" => "ai-agent",
        "AiSales.Web" => "web",
        "AiSales.MigrationService" => "migrations",
        "AiSales.MetaSimulator" => "meta-simulator",
        _ => applicationName,
    };
}
