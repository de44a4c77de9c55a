using System.Globalization;
using System.Net;
using System.Text.Json;
using static AiSales.Tests.MerchantApi.MerchantApiTestData;
using static AiSales.Tests.MerchantApi.StatsSeed;

namespace AiSales.Tests.MerchantApi;

/// <summary>GET /api/stats against rows written with SQL exactly where ingestion, the agent and the API write them.</summary>
[Collection(MerchantApiCollection.Name)]
public sealed class MerchantStatsTests(MerchantApiFixture fixture)
{
    // Fixed past days, so the figures never depend on when the test runs.
    private static readonly DateOnly Day1 = new(2025, 3, 10);
    private static readonly DateOnly Day2 = new(2025, 3, 11);

    [Fact]
    public async Task StatsCountEveryFigurePerDayFromTheMerchantsOwnRowsOnly()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        var other = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);
        await using var db = fixture.Platform.CreateDataSource();
        var seed = new StatsSeed(db, merchant.Id);

        // Day 1: answered by the AI in 4 s and in 10 s (median 7 s); a third conversation never answered.
        var c1 = await seed.ConversationAsync(At(Day1, "10:00:00"));
        await seed.MessageAsync(c1, "customer", At(Day1, "10:00:00"));
        await seed.MessageAsync(c1, "ai", At(Day1, "10:00:04"));
        await seed.MessageAsync(c1, "customer", At(Day1, "10:01:00"));
        await seed.MessageAsync(c1, "human", At(Day1, "10:02:00"));
        await seed.MessageAsync(c1, "merchant_app", At(Day1, "10:03:00"));
        var c2 = await seed.ConversationAsync(At(Day1, "11:00:00"));
        await seed.MessageAsync(c2, "customer", At(Day1, "11:00:00"));
        await seed.MessageAsync(c2, "ai", At(Day1, "11:00:10"));
        var c3 = await seed.ConversationAsync(At(Day1, "23:59:59"));
        await seed.MessageAsync(c3, "customer", At(Day1, "23:59:59"));
        // Day 2: the AI's reply failed to deliver (not a response), a person answered after 30 s.
        var c4 = await seed.ConversationAsync(At(Day2, "00:00:00"));
        await seed.MessageAsync(c4, "customer", At(Day2, "00:00:00"));
        await seed.MessageAsync(c4, "ai", At(Day2, "00:00:02"), deliveryStatus: "failed");
        await seed.MessageAsync(c4, "human", At(Day2, "00:00:30"));
        await seed.HandoffAsync(c2, "human", "ai", At(Day1, "11:05:00"));
        await seed.HandoffAsync(c2, "ai", "merchant", At(Day1, "12:00:00"));
        await seed.HandoffAsync(c4, "human", "failure", At(Day2, "00:01:00"));
        await seed.OrderAsync(c1, "confirmed", "SAR", 25.250m, At(Day1, "10:05:00"));
        await seed.OrderAsync(c2, "fulfilled", "USD", 10m, At(Day1, "11:30:00"));
        await seed.OrderAsync(c3, "cancelled", "SAR", 99m, At(Day1, "23:59:59")); // confirmed, then cancelled
        await seed.OrderAsync(c4, "confirmed", "SAR", 5.5m, At(Day2, "09:00:00"));
        await seed.OrderAsync(c4, "draft", "SAR", 7m, confirmedAt: null);
        await seed.TurnAsync(c1, "answered", 2, 100, 20, At(Day1, "10:00:04"));
        await seed.TurnAsync(c2, "failed", 1, 50, 0, At(Day1, "11:00:05"));
        await seed.TurnAsync(c4, "handoff", 3, 300, 30, At(Day2, "00:00:40"));
        // Another merchant's rows on the same days are never counted.
        var foreign = new StatsSeed(db, other.Id);
        var f1 = await foreign.ConversationAsync(At(Day1, "10:00:00"));
        await foreign.MessageAsync(f1, "customer", At(Day1, "10:00:00"));
        await foreign.MessageAsync(f1, "ai", At(Day1, "10:00:01"));
        await foreign.HandoffAsync(f1, "human", "ai", At(Day1, "10:00:02"));
        await foreign.OrderAsync(f1, "confirmed", "SAR", 1000m, At(Day1, "10:00:03"));
        await foreign.TurnAsync(f1, "answered", 9, 9000, 900, At(Day1, "10:00:01"));

        using var response = await client.GetAsync("/api/stats?from=2025-03-09&to=2025-03-12", Timeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await response.ReadJsonAsync();
        Assert.Equal("2025-03-09", stats.GetProperty("from").GetString());
        Assert.Equal("2025-03-12", stats.GetProperty("to").GetString());
        var days = stats.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2025-03-09", "2025-03-10", "2025-03-11", "2025-03-12"], days.Select(d => d.GetProperty("date").GetString()));
        AssertEmpty(days[0]);
        AssertEmpty(days[3]);
        AssertFigures(days[1], conversations: 3, customerMessages: 4, aiReplies: 2, humanReplies: 1, handoffs: 1, ordersConfirmed: 3,
            revenue: "SAR 25.250, USD 10.000", median: 7, modelCalls: 3, promptTokens: 150, completionTokens: 20, turns: (1, 0, 1, 0));
        AssertFigures(days[2], conversations: 1, customerMessages: 1, aiReplies: 1, humanReplies: 1, handoffs: 1, ordersConfirmed: 1,
            revenue: "SAR 5.500", median: 30, modelCalls: 3, promptTokens: 300, completionTokens: 30, turns: (0, 1, 0, 0));
        AssertFigures(stats.GetProperty("totals"), conversations: 4, customerMessages: 5, aiReplies: 3, humanReplies: 2, handoffs: 2,
            ordersConfirmed: 4, revenue: "SAR 30.750, USD 10.000", median: 10, modelCalls: 6, promptTokens: 450, completionTokens: 50, turns: (1, 1, 1, 0));

        using var otherClient = fixture.Api.CreateMerchantClient(other.ApiKey);
        var otherDay1 = (await (await otherClient.GetAsync("/api/stats?from=2025-03-10&to=2025-03-10", Timeout())).ReadJsonAsync())
            .GetProperty("days")[0];
        AssertFigures(otherDay1, conversations: 1, customerMessages: 1, aiReplies: 1, humanReplies: 0, handoffs: 1, ordersConfirmed: 1,
            revenue: "SAR 1000.000", median: 1, modelCalls: 9, promptTokens: 9000, completionTokens: 900, turns: (1, 0, 0, 0));
    }

    [Fact]
    public async Task StatsDefaultToTheLastThirtyDaysEndingToday()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        var before = DateOnly.FromDateTime(DateTime.UtcNow);
        var stats = await (await client.GetAsync("/api/stats", Timeout())).ReadJsonAsync();
        var after = DateOnly.FromDateTime(DateTime.UtcNow);

        var days = stats.GetProperty("days").EnumerateArray().Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!)).ToList();
        Assert.Equal(30, days.Count);
        Assert.InRange(days[^1], before, after);
        Assert.Equal(days[^1].AddDays(-29), days[0]);
        Assert.All(stats.GetProperty("days").EnumerateArray(), AssertEmpty);
    }

    [Theory]
    [InlineData("from=2025-3-10", "from")]
    [InlineData("from=10/03/2025&to=2025-03-12", "from")]
    [InlineData("from=2025-02-30", "from")]
    [InlineData("to=tomorrow", "to")]
    [InlineData("from=2025-03-12&to=2025-03-10", "from")]
    [InlineData("from=2024-01-01&to=2025-01-01", "to")]
    [InlineData("from=1999-12-31&to=2000-01-01", "from")]
    public async Task BadDatesAnswerAProblemNamingTheParameter(string query, string field)
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        using var response = await client.GetAsync($"/api/stats?{query}", Timeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{query}: {errors}");
    }

    [Fact]
    public async Task ARangeOf366DaysIsAccepted()
    {
        var merchant = await CreateMerchantAsync(fixture.Api);
        using var client = fixture.Api.CreateMerchantClient(merchant.ApiKey);

        var stats = await (await client.GetAsync("/api/stats?from=2024-01-01&to=2024-12-31", Timeout())).ReadJsonAsync();

        Assert.Equal(366, stats.GetProperty("days").GetArrayLength());
    }

    private static void AssertEmpty(JsonElement day) => AssertFigures(day, 0, 0, 0, 0, 0, 0, "", null, 0, 0, 0, (0, 0, 0, 0));

    private static void AssertFigures(
        JsonElement day, long conversations, long customerMessages, long aiReplies, long humanReplies, long handoffs, long ordersConfirmed,
        string revenue, double? median, long modelCalls, long promptTokens, long completionTokens, (long, long, long, long) turns)
    {
        var label = day.TryGetProperty("date", out var date) ? date.GetString() : "totals";
        Assert.True(conversations == day.GetProperty("conversations").GetInt64(), $"{label} conversations: {day}");
        Assert.True(customerMessages == day.GetProperty("customerMessages").GetInt64(), $"{label} customerMessages: {day}");
        Assert.True(aiReplies == day.GetProperty("aiReplies").GetInt64(), $"{label} aiReplies: {day}");
        Assert.True(humanReplies == day.GetProperty("humanReplies").GetInt64(), $"{label} humanReplies: {day}");
        Assert.True(handoffs == day.GetProperty("handoffs").GetInt64(), $"{label} handoffs: {day}");
        Assert.True(ordersConfirmed == day.GetProperty("ordersConfirmed").GetInt64(), $"{label} ordersConfirmed: {day}");
        var money = string.Join(", ", day.GetProperty("revenue").EnumerateArray()
            .Select(r => $"{r.GetProperty("currency").GetString()} {r.GetProperty("amount").GetDecimal().ToString("0.000", CultureInfo.InvariantCulture)}"));
        Assert.True(revenue == money, $"{label} revenue: {money}");
        var medianElement = day.GetProperty("medianFirstResponseSeconds");
        Assert.True(median == (medianElement.ValueKind == JsonValueKind.Null ? null : medianElement.GetDouble()), $"{label} median: {day}");
        Assert.True(modelCalls == day.GetProperty("modelCalls").GetInt64(), $"{label} modelCalls: {day}");
        Assert.True(promptTokens == day.GetProperty("promptTokens").GetInt64(), $"{label} promptTokens: {day}");
        Assert.True(completionTokens == day.GetProperty("completionTokens").GetInt64(), $"{label} completionTokens: {day}");
        var ai = day.GetProperty("aiTurns");
        Assert.Equal(turns, (ai.GetProperty("answered").GetInt64(), ai.GetProperty("handoff").GetInt64(),
            ai.GetProperty("failed").GetInt64(), ai.GetProperty("superseded").GetInt64()));
    }
}
