using System.Text.Json;
using AiSales.Api.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AiSales.UnitTests.MerchantApi;

/// <summary>What a request that could not be bound is told: parameter names and places, never .NET type names.</summary>
public sealed class BadRequestTextTests
{
    [Theory]
    [InlineData("Failed to bind parameter \"int limit\" from \"abc\".", "Failed to bind parameter 'limit' from \"abc\".")]
    [InlineData("Required parameter \"string q\" was not provided from query string.", "Required parameter 'q' was not provided from query string.")]
    [InlineData("Expected a supported JSON media type but got \"text/plain\".", "Expected a supported JSON media type but got \"text/plain\".")]
    public void ABindingFailureNamesTheParameterWithoutItsType(string message, string detail) =>
        Assert.Equal(detail, BadRequestText.For(new BadHttpRequestException(message)));

    [Theory]
    [InlineData("Implicit body inferred for parameter \"UpdateOrderStatus request\" but no body was provided. Did you mean to use a Service instead?")]
    [InlineData("Required parameter \"ProductRequest request\" was not provided from body.")]
    public void AMissingBodyIsSaidPlainlyWithoutAdviceForTheDeveloperOfTheApi(string message) =>
        Assert.Equal("The request has no body; this route expects a JSON body.", BadRequestText.For(new BadHttpRequestException(message)));

    [Fact]
    public void ABodyThatIsNotJsonSaysWhereNotWhichDotNetTypeFailed()
    {
        var json = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<List<int>>("{\"a\":1}"));
        var bad = new BadHttpRequestException("Failed to read parameter \"ProductRequest request\" from the request body as JSON.", json);

        var detail = BadRequestText.For(bad);

        Assert.Equal("The request body is not the JSON this route expects at $ (line 1, byte 2).", detail);
    }
}
