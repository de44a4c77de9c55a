using System.Text;
using AiSales.Api.Products;

namespace AiSales.UnitTests.MerchantApi;

/// <summary>The CSV import's header row (contract §6: sku,name,description,price,currency,stock), as spreadsheets write it.</summary>
public sealed class ProductCsvHeaderTests
{
    [Theory]
    [InlineData("sku,name,description,price,currency,stock")]
    [InlineData("SKU,Name,Description,Price,Currency,Stock")]
    [InlineData(" sku , name ,description, price,currency ,stock ")]
    [InlineData("\uFEFFsku,name,description,price,currency,stock")]
    public async Task TheHeaderIsMatchedWhateverItsCaseAndSpacing(string header)
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes($"{header}\nBAG-1,حقيبة سوداء,جلد,185.5,SAR,3\n"));

        var rows = new List<ImportRow>();
        await foreach (var row in ProductImportReader.ReadCsvAsync(body, CancellationToken.None))
        {
            rows.Add(row);
        }

        var request = Assert.Single(rows).Request;
        Assert.Equal(("BAG-1", "حقيبة سوداء", 185.5m, "SAR", 3), (request.Sku, request.Name, request.Price, request.Currency, request.Stock));
    }
}
