using System.Globalization;
using AiSales.Web.Overview;

namespace AiSales.UnitTests.Console;

/// <summary>The overview's per-day arithmetic: shares, conversion, revenue per currency, and days without a value.</summary>
public sealed class OverviewSeriesTests
{
    private static readonly DateOnly First = new(2026, 12, 1);

    private static StatsDay Day(
        int index, long conversations = 0, long aiReplies = 0, long humanReplies = 0, long handoffs = 0, long orders = 0,
        double? median = null, params CurrencyAmount[] revenue) =>
        new(First.AddDays(index), conversations, 0, aiReplies, humanReplies, handoffs, orders, [.. revenue], median);

    [Theory]
    [InlineData(3, 1, 0.75)]
    [InlineData(0, 2, 0)]
    [InlineData(5, 0, 1)]
    public void TheAiShareIsAiRepliesOverAllReplies(long ai, long human, double share) =>
        Assert.Equal((decimal)share, OverviewSeries.AiShare(Day(0, aiReplies: ai, humanReplies: human)));

    [Fact]
    public void ADayWithoutRepliesHasNoAiShareRatherThanZero() => Assert.Null(OverviewSeries.AiShare(Day(0, conversations: 2)));

    [Theory]
    [InlineData(4, 1, 0.25)]
    [InlineData(3, 0, 0)]
    [InlineData(1, 2, 2)] // orders confirmed today for conversations started earlier
    public void ConversionIsOrdersConfirmedOverConversations(long conversations, long orders, double conversion) =>
        Assert.Equal((decimal)conversion, OverviewSeries.Conversion(Day(0, conversations: conversations, orders: orders)));

    [Fact]
    public void ADayWithoutConversationsHasNoConversionEvenWithOrders() => Assert.Null(OverviewSeries.Conversion(Day(0, orders: 1)));

    [Fact]
    public void RevenueIsOneSeriesPerCurrencyInCurrencyOrderWithZeroOnDaysWithoutSales()
    {
        var days = new[]
        {
            Day(0, revenue: [new("SAR", 25.250m), new("USD", 10m)]),
            Day(1),
            Day(2, revenue: [new("SAR", 5.5m), new("AED", 7m)]),
        };

        var revenue = OverviewSeries.Revenue(days);

        Assert.Equal(["AED", "SAR", "USD"], revenue.Select(s => s.Name));
        Assert.Equal([0m, 0m, 7m], revenue[0].Values);
        Assert.Equal([25.250m, 0m, 5.5m], revenue[1].Values);
        Assert.Equal([10m, 0m, 0m], revenue[2].Values);
    }

    [Fact]
    public void APeriodWithoutSalesHasNoRevenueSeriesAndNothingToDraw()
    {
        var charts = OverviewSeries.Charts([Day(0, conversations: 1), Day(1)]);

        var revenue = Assert.Single(charts, c => c.Key == "revenue");
        Assert.Empty(revenue.Series);
        Assert.False(revenue.HasValues);
    }

    [Fact]
    public void EveryFigureHasAChartWithAValuePerDayAndGapsOnlyWhereThereIsNothingToDivide()
    {
        var days = new[]
        {
            Day(0, conversations: 2, aiReplies: 1, humanReplies: 1, handoffs: 1, orders: 1, median: 4.5, revenue: [new("SAR", 25.25m)]),
            Day(1),
            Day(2, conversations: 3, aiReplies: 4, orders: 3, median: 30),
        };

        var charts = OverviewSeries.Charts(days).ToDictionary(c => c.Key);

        Assert.Equal(["conversations", "ai-share", "handoffs", "orders", "revenue", "conversion", "first-response"], charts.Keys);
        Assert.All(charts.Values, c => Assert.Equal([First, First.AddDays(1), First.AddDays(2)], c.Dates));
        Assert.Equal([2m, 0m, 3m], Values(charts["conversations"]));
        Assert.Equal([0.5m, null, 1m], Values(charts["ai-share"]));
        Assert.Equal([1m, 0m, 0m], Values(charts["handoffs"]));
        Assert.Equal([1m, 0m, 3m], Values(charts["orders"]));
        Assert.Equal([25.25m, 0m, 0m], Values(charts["revenue"]));
        Assert.Equal([0.5m, null, 1m], Values(charts["conversion"]));
        Assert.Equal([4.5m, null, 30m], Values(charts["first-response"]));
        Assert.Equal(["ai-share", "conversion", "first-response"], charts.Values.Where(c => c.IsLine).Select(c => c.Key));
    }

    [Fact]
    public void ALineWithoutAnyValueOrBarsOfOnlyZerosHaveNothingToDrawButAShareOfZeroDoes()
    {
        var charts = OverviewSeries.Charts([Day(0, conversations: 2, humanReplies: 3), Day(1)]).ToDictionary(c => c.Key);

        Assert.False(charts["first-response"].HasValues);
        Assert.False(charts["handoffs"].HasValues);
        Assert.False(charts["orders"].HasValues);
        Assert.True(charts["conversations"].HasValues);
        Assert.Equal([0m, null], Values(charts["ai-share"]));
        Assert.True(charts["ai-share"].HasValues);
    }

    [Theory]
    [InlineData("en", OverviewUnit.Share, 0.5, "50%")]
    [InlineData("en", OverviewUnit.Share, 0.3333, "33%")]
    [InlineData("en", OverviewUnit.Share, 2, "200%")]
    [InlineData("ar", OverviewUnit.Share, 0.5, "50٪؜")]
    [InlineData("en", OverviewUnit.Seconds, 12.54, "12.5")]
    [InlineData("ar", OverviewUnit.Seconds, 12.54, "12٫5")]
    [InlineData("en", OverviewUnit.Money, 25.250, "25.25")]
    [InlineData("en", OverviewUnit.Count, 3, "3")]
    public void ValuesReadInTheViewersCulture(string culture, OverviewUnit unit, double value, string shown) =>
        Assert.Equal(shown, OverviewSeries.Format((decimal)value, unit, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(7, 2)]
    [InlineData(25.25, 10)]
    [InlineData(30, 10)]
    [InlineData(100, 20)]
    [InlineData(200, 50)]
    [InlineData(1234, 500)]
    public void TheAxisStepIsRoundAndCutsTheRangeInAtMostFiveParts(double max, int step)
    {
        Assert.Equal(step, OverviewSeries.TickSpacing(max));
        Assert.True(Math.Ceiling(max / step) <= 5);
    }

    [Fact]
    public void NoValueReadsAsADash() => Assert.Equal("—", OverviewSeries.Format(null, OverviewUnit.Share, CultureInfo.InvariantCulture));

    private static IReadOnlyList<decimal?> Values(OverviewChartData chart) => Assert.Single(chart.Series).Values;
}
