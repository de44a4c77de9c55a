using System.Text;
using AiSales.Api.Products;

namespace AiSales.UnitTests.MerchantApi;

/// <summary>A rejected import row gives every reason at once, what could not be read among them (docs/merchant-api.md).</summary>
public sealed class ImportRejectionReasonsTests
{
    [Fact]
    public async Task ARowWithAnUnreadablePriceStillReportsItsOtherBrokenFields()
    {
        var rejection = Assert.Single(await RejectionsAsync("BAD-1,,x,abc,ZZZ,-1"));

        Assert.Equal("BAD-1", rejection.Sku);
        Assert.Contains("price 'abc' is not a number", rejection.Reason);
        Assert.DoesNotContain("price is required", rejection.Reason);
        Assert.Contains("name", rejection.Reason);
        Assert.Contains("currency", rejection.Reason);
        Assert.Contains("stock", rejection.Reason);
    }

    [Fact]
    public async Task ARowWhoseOnlyFaultIsUnreadableSaysJustThat()
    {
        var rejection = Assert.Single(await RejectionsAsync("BAG-1,Black bag,leather,12,SAR,lots"));

        Assert.Equal("stock 'lots' is not a whole number.", rejection.Reason);
    }

    [Fact]
    public async Task AGoodRowIsNotRejected() => Assert.Empty(await RejectionsAsync("BAG-1,حقيبة سوداء,جلد,185.500,SAR,3"));

    private static async Task<List<ImportRejection>> RejectionsAsync(string row)
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes($"sku,name,description,price,currency,stock\n{row}\n"));
        var validation = new ImportValidation();
        await foreach (var read in ProductImportReader.ReadCsvAsync(body, CancellationToken.None))
        {
            validation.Add(read);
        }

        return validation.Rejections;
    }
}
