using System.Net;
using System.Text;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>A request the API cannot even read is a problem with a detail that says what and where, in the API's words.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantBadRequestTests(MerchantApiFixture fixture)
{
    private MerchantApiFactory Api => fixture.Api;

    [Fact]
    public async Task AQueryValueThatIsNotANumberNamesTheParameter()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.GetAsync("/api/conversations?limit=abc", Timeout());

        var detail = await BadRequestDetailAsync(response);
        Assert.Contains("'limit'", detail);
        Assert.Contains("abc", detail);
        Assert.DoesNotContain("Int32", detail);
        Assert.DoesNotContain("int limit", detail);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonSaysWhere()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.PostAsync("/api/products", new StringContent("{bad", Encoding.UTF8, "application/json"), Timeout());

        var detail = await BadRequestDetailAsync(response);
        Assert.StartsWith("The request body is not the JSON this route expects", detail);
        Assert.Contains("line 1", detail);
    }

    [Fact]
    public async Task AnImportThatIsNotAnArrayNamesNoDotNetType()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.PostAsync("/api/products/import", new StringContent("""{"a":1}""", Encoding.UTF8, "application/json"), Timeout());

        var detail = await BadRequestDetailAsync(response);
        Assert.StartsWith("The body must be a JSON array of products", detail);
        Assert.DoesNotContain("System.", detail);
    }

    private static async Task<string> BadRequestDetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        return problem.GetProperty("detail").GetString()!;
    }
}
