using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiSales.Tests.MerchantApi;

/// <summary>AiSales.Api.http keeps a worked example of every /api route: a new route without one fails here.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantHttpFileTests(MerchantApiFixture fixture)
{
    [Fact]
    public void HttpFileHasAnExampleOfEveryApiRoute()
    {
        var requests = File.ReadAllLines(Path.Combine(ServiceProcess.RepositoryRoot(), "AiSales.Api", "AiSales.Api.http"))
            .Select(line => Regex.Match(line, @"^(GET|POST|PUT|PATCH|DELETE) \{\{api\}\}(\S+)"))
            .Where(m => m.Success)
            .Select(m => (Method: m.Groups[1].Value, Path: m.Groups[2].Value.Split('?')[0]))
            .ToList();

        var routes = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Method: method, Pattern: e.RoutePattern.RawText!.TrimEnd('/'))))
            .Distinct()
            .ToList();

        Assert.True(routes.Count > 25, $"Expected every /api route, found {routes.Count}.");
        var missing = routes
            .Where(r =>
            {
                var regex = new Regex("^" + Regex.Replace(Regex.Escape(r.Pattern), @"\\\{[^}]*}", @"[^/]+") + "/?$");
                return !requests.Any(q => q.Method == r.Method && regex.IsMatch(q.Path));
            })
            .Select(r => $"{r.Method} {r.Pattern}")
            .ToList();
        Assert.True(missing.Count == 0, $"AiSales.Api.http has no example of: {string.Join(", ", missing)}");
    }
}
