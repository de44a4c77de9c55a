using System.Text.Json;
using Microsoft.Playwright;

namespace AiSales.Bench.Console;

/// <summary>
/// What the browser itself spends on a page (Chrome DevTools Protocol <c>Performance.getMetrics</c>: the main thread's
/// tasks, script, style and layout, in seconds), read before and after the live messages on a few watchers' pages, so
/// that the browsers' share of a live update is measured rather than inferred.
/// </summary>
public sealed class PageWork(List<(ICDPSession Session, Dictionary<string, double> Before)> pages)
{
    private static readonly string[] Metrics = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"];

    public static async Task<PageWork> StartAsync(IEnumerable<IPage> watched)
    {
        var pages = new List<(ICDPSession, Dictionary<string, double>)>();
        foreach (var page in watched)
        {
            var session = await page.Context.NewCDPSessionAsync(page);
            await session.SendAsync("Performance.enable");
            pages.Add((session, await ReadAsync(session)));
        }

        return new PageWork(pages);
    }

    /// <summary>Prints each metric's mean per page per live message (ms).</summary>
    public async Task ReportAsync(int messages)
    {
        var totals = Metrics.ToDictionary(m => m, _ => 0.0);
        foreach (var (session, before) in pages)
        {
            var after = await ReadAsync(session);
            foreach (var metric in Metrics)
            {
                totals[metric] += after.GetValueOrDefault(metric) - before.GetValueOrDefault(metric);
            }
        }

        var per = string.Join(", ", Metrics.Select(m => $"{m.Replace("Duration", "")} {totals[m] * 1000 / pages.Count / Math.Max(1, messages):0.0} ms"));
        System.Console.WriteLine($"Browser main thread per page per live message (mean of {pages.Count} pages, whole live phase): {per}");
    }

    private static async Task<Dictionary<string, double>> ReadAsync(ICDPSession session)
    {
        var result = await session.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }
}
