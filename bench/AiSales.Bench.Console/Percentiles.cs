namespace AiSales.Bench.Console;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of the values (ms).</summary>
    public static double P(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Summary(IReadOnlyList<double> values) =>
        $"p50 {P(values, 50):0} ms, p95 {P(values, 95):0} ms, p99 {P(values, 99):0} ms, max {P(values, 100):0} ms (n = {values.Count})";
}
