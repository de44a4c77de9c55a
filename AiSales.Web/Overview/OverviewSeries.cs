using System.Globalization;
using AiSales.Web.Localization;

namespace AiSales.Web.Overview;

/// <summary>
/// The overview's charts from the API's days. Counts are the API's; shares are divided per day; revenue is one series
/// per currency (a day without sales in it is 0); a day with nothing to divide (no replies, no conversations) or
/// without a first response is null, so it is a gap in the line rather than a 0 that looks like data.
/// </summary>
public static class OverviewSeries
{
    public static IReadOnlyList<OverviewChartData> Charts(IReadOnlyList<StatsDay> days)
    {
        var dates = days.Select(d => d.Date).ToList();
        OverviewChartData Chart(string key, string title, OverviewUnit unit, string name, Func<StatsDay, decimal?> value) =>
            new(key, title, unit, dates, [new DaySeries(name, [.. days.Select(value)])]);

        return
        [
            Chart("conversations", "Conversations per day", OverviewUnit.Count, "Conversations", d => d.Conversations),
            Chart("ai-share", "Share of replies written by the AI", OverviewUnit.Share, "Answered by the AI", AiShare),
            Chart("handoffs", "Handoffs per day", OverviewUnit.Count, "Handoffs", d => d.Handoffs),
            Chart("orders", "Orders confirmed per day", OverviewUnit.Count, "Orders", d => d.OrdersConfirmed),
            new("revenue", "Revenue per day, per currency", OverviewUnit.Money, dates, Revenue(days)),
            Chart("conversion", "DM → order conversion per day", OverviewUnit.Share, "DM → order", Conversion),
            Chart("first-response", "Median first response per day, in seconds", OverviewUnit.Seconds, "Median first response",
                d => (decimal?)d.MedianFirstResponseSeconds),
        ];
    }

    /// <summary>AI replies over all replies (AI and people); null on a day without replies.</summary>
    public static decimal? AiShare(StatsDay day) => Share(day.AiReplies, day.AiReplies + day.HumanReplies);

    /// <summary>
    /// Orders confirmed over conversations started that day; null on a day without conversations. It can pass 100%: an
    /// order is counted on the day it is confirmed, which may follow the day its conversation started.
    /// </summary>
    public static decimal? Conversion(StatsDay day) => Share(day.OrdersConfirmed, day.Conversations);

    /// <summary>One series per currency seen in the period, in currency order.</summary>
    public static IReadOnlyList<DaySeries> Revenue(IReadOnlyList<StatsDay> days) =>
    [
        .. days.SelectMany(d => d.Revenue).Select(r => r.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(currency => new DaySeries(currency,
                [.. days.Select(d => (decimal?)d.Revenue.Where(r => r.Currency == currency).Sum(r => r.Amount))])),
    ];

    public static decimal? Share(long part, long whole) => whole == 0 ? null : (decimal)part / whole;

    /// <summary>A round step (1, 2 or 5 times a power of ten) that divides 0..max into at most five parts.</summary>
    public static int TickSpacing(double max)
    {
        var raw = max / 5;
        if (raw <= 1)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return (int)(new[] { 1, 2, 5, 10 }.Select(step => step * power).First(step => step >= raw));
    }

    /// <summary>
    /// A value as the page shows it, in the viewer's culture, except money, written as everywhere in the console
    /// (<see cref="Money"/>, with the decimals of <paramref name="currency"/>); a dash for no value.
    /// </summary>
    public static string Format(decimal? value, OverviewUnit unit, CultureInfo culture, string? currency = null) => value switch
    {
        null => "—",
        { } v => unit switch
        {
            OverviewUnit.Share => v.ToString("P0", culture),
            OverviewUnit.Seconds => v.ToString("0.#", culture),
            OverviewUnit.Money => Money.Amount(v, currency),
            _ => v.ToString("0", culture),
        },
    };
}
