using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiSales.UnitTests.Operations;

/// <summary>The service defaults' HTTP clients (the console's calls to the API among them), against a real loopback server.</summary>
public sealed class HttpClientDefaultsTests
{
    [Fact]
    public async Task APostAnsweredWithAServerErrorIsNeverSentAgainWhileAGetIsRetried()
    {
        var hits = new ConcurrentDictionary<string, int>();
        var serverBuilder = WebApplication.CreateSlimBuilder();
        serverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = serverBuilder.Build();
        server.Run(context =>
        {
            var count = hits.AddOrUpdate(context.Request.Method, 1, (_, n) => n + 1);
            // The first GET fails, a later one succeeds; every POST fails as if the API had answered 503 after committing.
            context.Response.StatusCode = context.Request.Method == "POST" || count == 1 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await server.StartAsync();
        var address = server.Urls.Single();

        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var post = await client.PostAsync($"{address}/api/conversations/1/messages", new StringContent("{\"text\":\"hi\"}"));
        using var get = await client.GetAsync($"{address}/api/conversations");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(1, hits["POST"]);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(2, hits["GET"]);
    }
}
