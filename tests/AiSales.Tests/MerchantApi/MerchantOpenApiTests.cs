using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantOpenApiTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task OpenApiDocumentDescribesEveryApiRouteAndScalarServesInDevelopment()
    {
        using var client = fixture.Api.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json", Timeout())).ReadJsonAsync();
        using var scalar = await client.GetAsync("/scalar", Timeout());

        var paths = document.GetProperty("paths");
        var routes = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, @"\{(\w+)(:[^}]*)?\}", "{$1}"))
            .Distinct()
            .ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.True(
            paths.TryGetProperty(route, out _) || paths.TryGetProperty(route + "/", out _), $"{route} is missing from the OpenAPI document"));
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("MerchantApiKey").GetProperty("scheme").GetString());
        Assert.Equal("X-Admin-Key", schemes.GetProperty("AdminKey").GetProperty("name").GetString());
    }

    [Fact]
    public async Task OutsideDevelopmentTheDocumentIsServedButNotTheReferencePage()
    {
        await using var production = new MerchantApiFactory(fixture.Platform, environment: "Production");
        using var client = production.CreateClient();

        using var document = await client.GetAsync("/openapi/v1.json", Timeout());
        using var scalar = await client.GetAsync("/scalar", Timeout());

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, scalar.StatusCode);
    }
}
