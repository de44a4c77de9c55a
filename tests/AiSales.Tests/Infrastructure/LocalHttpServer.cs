using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AiSales.Tests.Infrastructure;

/// <summary>A Kestrel app on a free loopback port, without logging: the base of every fake outside service (Sentry, Graph, OpenAI…).</summary>
public static class LocalHttpServer
{
    public static (WebApplication App, int Port) Create()
    {
        var port = ServiceProcess.FreeTcpPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        return (builder.Build(), port);
    }
}
