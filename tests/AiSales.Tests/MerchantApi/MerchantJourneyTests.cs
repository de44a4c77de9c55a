using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantJourneyTests(MerchantApiFixture fixture)
{
    private const string MixedCatalogue = """"
        sku,name,description,price,currency,stock
        BAG-RED-1,حقيبة يد جلد أحمر,"حقيبة نسائية، جلد طبيعي",149.500,SAR,12
        BAG-BLK-2,حقيبة ظهر سوداء,مقاس ٣٠ لتر,99.000,SAR,4
        SHOE-3,"Running shoe ""Air""",Light running shoe size 42,220.250,AED,7
        MUG-4,كوب قهوة,Ceramic mug 350 ml,15,SAR,0
        """";

    private MerchantApiFactory Api => fixture.Api;

    [Fact]
    public async Task MerchantJourneyFromCreationToOrders()
    {
        // Create merchant → connect WhatsApp
        var merchant = await CreateMerchantAsync(Api, "متجر الرحلة");
        using var client = Api.CreateMerchantClient(merchant.ApiKey);
        var phoneNumberId = await ConnectChannelAsync(client, "whatsapp", token: "EAAGjourneytoken1234");
        var profile = await (await client.GetAsync("/api/merchant", Timeout())).ReadJsonAsync();
        var channel = profile.GetProperty("channels")[0];
        Assert.Equal("whatsapp", channel.GetProperty("platform").GetString());
        Assert.True(channel.GetProperty("connected").GetBoolean());
        Assert.Equal(phoneNumberId, channel.GetProperty("accountId").GetString());
        Assert.Equal("1234", channel.GetProperty("tokenLast4").GetString());

        // Import a mixed Arabic/English CSV, UTF-8 with a byte order mark, quoted fields
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(MixedCatalogue)).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        using var import = await client.PostAsync("/api/products/import", content, Timeout());
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var report = await import.ReadJsonAsync();
        Assert.Equal(4, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());

        // Arabic search: taa marbuta/haa, hamza forms, Arabic-Indic digits
        Assert.Contains("BAG-RED-1", await SearchSkusAsync(client, "حقيبه"));
        Assert.Contains("BAG-RED-1", await SearchSkusAsync(client, "احمر"));
        Assert.Equal(await SearchSkusAsync(client, "30"), await SearchSkusAsync(client, "٣٠"));
        Assert.Contains("BAG-BLK-2", await SearchSkusAsync(client, "30"));
        Assert.Contains("SHOE-3", await SearchSkusAsync(client, "runing shoe"));
        var shoe = await (await client.GetAsync("/api/products?q=SHOE-3", Timeout())).ReadJsonAsync();
        Assert.Equal("Running shoe \"Air\"", shoe.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(220.25m, shoe.GetProperty("items")[0].GetProperty("price").GetDecimal());

        // Conversations and orders (written by ingestion and the agent; seeded here)
        await using var db = fixture.Platform.CreateDataSource();
        var conversation = await SeedConversationAsync(db, merchant.Id, "whatsapp", TimeSpan.FromMinutes(5));
        var orderId = await SeedOrderAsync(db, merchant.Id, conversation.Id);
        var conversations = await (await client.GetAsync("/api/conversations", Timeout())).ReadJsonAsync();
        Assert.Equal(conversation.Id, conversations.GetProperty("items")[0].GetProperty("id").GetGuid());
        var orders = await (await client.GetAsync("/api/orders", Timeout())).ReadJsonAsync();
        Assert.Equal(orderId, orders.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TenThousandRowCsvImportsAndReimportsAsUpdates()
    {
        var merchant = await CreateMerchantAsync(Api);
        using var client = Api.CreateMerchantClient(merchant.ApiKey);
        var csv = new StringBuilder("sku,name,description,price,currency,stock\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(CultureInvariant($"SKU-{i:D5},منتج رقم {i} Product {i},\"وصف, مع فاصلة\",{i % 500}.250,SAR,{i % 37}\n"));
        }

        var first = Stopwatch.StartNew();
        var created = await ImportCsvAsync(client, csv.ToString());
        first.Stop();
        var second = Stopwatch.StartNew();
        var updated = await ImportCsvAsync(client, csv.ToString());
        second.Stop();

        Assert.Equal(10_000, created.GetProperty("created").GetInt32());
        Assert.Equal(10_000, updated.GetProperty("updated").GetInt32());
        Assert.Equal(0, updated.GetProperty("created").GetInt32());
        // A measurement, not an assertion: the figure goes to the test output and the docs.
        Console.WriteLine($"MerchantApi benchmark: 10,000-row CSV import {first.ElapsedMilliseconds} ms (insert), {second.ElapsedMilliseconds} ms (update)");
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static async Task<System.Text.Json.JsonElement> ImportCsvAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync("/api/products/import", content, new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task<List<string>> SearchSkusAsync(HttpClient client, string q)
    {
        var page = await (await client.GetAsync($"/api/products?q={Uri.EscapeDataString(q)}", Timeout())).ReadJsonAsync();
        return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()!).ToList();
    }
}
