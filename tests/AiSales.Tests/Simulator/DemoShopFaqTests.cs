using System.Text.Json;
using AiSales.Core.Knowledge;

namespace AiSales.Tests.Simulator;

/// <summary>The simulator's demo shop is created with its faq, through the merchant API (contract §7: shop questions are answered from it).</summary>
[Collection(AppHostCollection.Name)]
public sealed class DemoShopFaqTests(AppHostFixture fixture)
{
    [Fact]
    public async Task TheDemoShopHasItsFaqInArabicAndEnglish()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("meta-simulator", timeout.Token);
        using var simulator = fixture.CreateHttpClient("meta-simulator");
        while (JsonDocument.Parse(await simulator.GetStringAsync("/simulator/state", timeout.Token)).RootElement
                   .GetProperty("status").GetString() != "ready")
        {
            await Task.Delay(250, timeout.Token);
        }

        await using var db = fixture.CreateDataSource();
        await using var command = db.CreateCommand("SELECT faq::text FROM merchants WHERE name = $1 ORDER BY created_at DESC LIMIT 1");
        command.Parameters.AddWithValue("AiSales Demo Shop");
        var faq = FaqJson.Deserialize((string?)await command.ExecuteScalarAsync(timeout.Token));

        // AiSales.MetaSimulator/Demo/DemoFaq.cs: five subjects, each in Arabic and in English.
        Assert.Equal(10, faq.Count);
        Assert.Contains(faq, e => e.Question == "What payment methods do you accept? Is cash on delivery available?");
        Assert.NotEmpty(FaqMatcher.Answers(faq, "كم ياخذ التوصيل للرياض؟"));
    }
}
