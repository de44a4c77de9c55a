namespace AiSales.Web.Overview;

/// <summary>How a chart's numbers read: counts and money are drawn as bars, shares and times as lines.</summary>
public enum OverviewUnit
{
    Count,
    Money,
    Share,
    Seconds,
}

/// <summary>One named series: a value per day of the period, null on a day that has none.</summary>
public sealed record DaySeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>One chart of the overview: its test hook, its title (English, a key of Texts), its days and series.</summary>
public sealed record OverviewChartData(string Key, string Title, OverviewUnit Unit, IReadOnlyList<DateOnly> Dates, IReadOnlyList<DaySeries> Series)
{
    public bool IsLine => Unit is OverviewUnit.Share or OverviewUnit.Seconds;

    /// <summary>
    /// Whether the chart draws anything: a line needs one value (a share of 0 % is a fact), bars need one that is not
    /// 0 (a plot of empty bars says less than "nothing in these days"; the table still lists the zeros).
    /// </summary>
    public bool HasValues => Series.Any(s => s.Values.Any(v => v is { } value && (IsLine || value != 0)));
}
