using System.Net;
using System.Text;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

/// <summary>GET /api/orders/export.csv: one row per order line, UTF-8 with BOM, Arabic intact, formula cells neutralised.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantOrdersExportTests(MerchantApiFixture fixture)
{
    [Fact]
    public async Task ExportIsUtf8WithBomOneRowPerLineWithArabicAndNoFormulaCells()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var confirmed = await SeedOrderAsync(db, merchant.Id, null, "confirmed");
        var draft = await SeedOrderAsync(db, merchant.Id, null);
        await using (var rename = db.CreateCommand("UPDATE orders SET customer_name = $2, shipping_address = $3 WHERE id = $1"))
        {
            rename.Parameters.AddWithValue(confirmed);
            rename.Parameters.AddWithValue("=HYPERLINK(\"http://evil.example\",\"x\")");
            rename.Parameters.AddWithValue("الرياض، حي النخيل");
            await rename.ExecuteNonQueryAsync();
        }

        using var response = await client.GetAsync("/api/orders/export.csv?status=confirmed", Timeout());
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("order_number,order_id,status,created_at,customer_name", lines[0]);
        Assert.Equal(3, lines.Length); // the header, then the confirmed order's two lines; the draft is filtered out
        Assert.All(lines[1..], line => Assert.Contains(confirmed.ToString(), line));
        Assert.DoesNotContain(lines, line => line.Contains(draft.ToString()));
        Assert.Contains(lines, line => line.Contains("حقيبة جلد") && line.Contains("BAG-1") && line.Contains(",10.5,2,21"));
        Assert.All(lines[1..], line => Assert.Contains("الرياض، حي النخيل", line));
        // The name's cell starts with an apostrophe inside its quotes: a spreadsheet shows it as text, never runs it.
        Assert.All(lines[1..], line => Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", line));
        Assert.DoesNotContain(lines[1..], line => line.Contains(",=HYPERLINK"));
    }

    [Fact]
    public async Task ExportWithAnUnknownStatusIsAValidationProblem()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.GetAsync("/api/orders/export.csv?status=shipped", Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("status", await response.Content.ReadAsStringAsync());
    }
}
