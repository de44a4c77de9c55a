using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;

namespace AiSales.Tests.MerchantApi;

[Collection(MerchantApiCollection.Name)]
public sealed class MerchantAiConfigFaqTests(MerchantApiFixture fixture)
{
    private static object Config(object? faq) => faq is null
        ? new { assistantName = "Noor", persona = "", language = "auto", greeting = "", aiEnabled = true, handoffKeywords = Array.Empty<string>() }
        : new { assistantName = "Noor", persona = "", language = "auto", greeting = "", aiEnabled = true, handoffKeywords = Array.Empty<string>(), faq };

    [Fact]
    public async Task FaqIsEmptyByDefaultAndRoundTripsTrimmed()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var defaults = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();

        using var put = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(new[]
        {
            new { question = "  كم رسوم التوصيل؟ ", answer = " 25 ريال داخل الرياض، خلال يومين. " },
            new { question = new string('q', 300), answer = new string('a', 2000) },
        }), Timeout());
        var saved = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();

        Assert.Equal(JsonValueKind.Array, defaults.GetProperty("faq").ValueKind);
        Assert.Equal(0, defaults.GetProperty("faq").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2, (await put.ReadJsonAsync()).GetProperty("faq").GetArrayLength());
        var faq = saved.GetProperty("faq").EnumerateArray().ToList();
        Assert.Equal(2, faq.Count);
        Assert.Equal("كم رسوم التوصيل؟", faq[0].GetProperty("question").GetString());
        Assert.Equal("25 ريال داخل الرياض، خلال يومين.", faq[0].GetProperty("answer").GetString());
        Assert.Equal(2000, faq[1].GetProperty("answer").GetString()!.Length);
    }

    [Fact]
    public async Task PutWithoutFaqKeepsItAndAnEmptyFaqClearsIt()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        (await client.PutAsJsonAsync("/api/merchant/ai-config", Config(new[] { new { question = "Hours?", answer = "10–23" } }), Timeout()))
            .EnsureSuccessStatusCode();

        using var withoutFaq = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(null), Timeout());
        var kept = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();
        using var cleared = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(Array.Empty<object>()), Timeout());
        var empty = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, withoutFaq.StatusCode);
        Assert.Equal("Hours?", kept.GetProperty("faq")[0].GetProperty("question").GetString());
        Assert.Equal(1, (await withoutFaq.ReadJsonAsync()).GetProperty("faq").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(0, empty.GetProperty("faq").GetArrayLength());
    }

    [Fact]
    public async Task EachInvalidEntryIsNamedAndNothingIsStored()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var faq = new object?[]
        {
            new { question = "Fine?", answer = "Yes." },
            new { question = new string('q', 301), answer = "ok" },
            new { question = "ok", answer = new string('a', 2001) },
            new { question = "   ", answer = "ok" },
            null,
            new { question = "ok", answer = (string?)null },
            new { answer = "no question" },
        };

        using var response = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(faq), Timeout());
        var stored = await (await client.GetAsync("/api/merchant/ai-config", Timeout())).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal(
            ["faq[1].question", "faq[2].answer", "faq[3].question", "faq[4]", "faq[5].answer", "faq[6].question"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("300", errors.GetProperty("faq[1].question")[0].GetString());
        Assert.Contains("2000", errors.GetProperty("faq[2].answer")[0].GetString());
        Assert.Equal(0, stored.GetProperty("faq").GetArrayLength());
    }

    [Fact]
    public async Task AFaqOfMoreThan200EntriesIsRefused()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        var entries = Enumerable.Range(0, 201).Select(i => new { question = $"Q{i}?", answer = $"A{i}." }).ToArray();

        using var tooMany = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(entries), Timeout());
        using var atLimit = await client.PutAsJsonAsync("/api/merchant/ai-config", Config(entries[..200]), Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var errors = (await tooMany.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("200", errors.GetProperty("faq")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(200, (await atLimit.ReadJsonAsync()).GetProperty("faq").GetArrayLength());
    }
}
