using System.Text.Json;
using Microsoft.Playwright;

namespace AiSales.Bench.Console;

/// <summary>
/// What the browser itself spends on a page (Chrome DevTools Protocol <c>Performance.getMetrics</c>: the main thread's
/// tasks, script, style and layout in wall time, and the CPU time of the main thread and of the page's process), read
/// on a few watchers' pages while idle and over the live messages, so that the browsers' share of a live update is
/// measured rather than inferred.
/// </summary>
public sealed class PageWork(List<(ICDPSession Session, Dictionary<string, double> Before)> pages)
{
    private static readonly string[] Metrics = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "ThreadTime", "ProcessTime"];

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

    /// <summary>Prints each metric's mean per page per live message (ms), or per second when <paramref name="messages"/> is 0 (idle).</summary>
    public async Task ReportAsync(int messages, double idleSeconds = 0)
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

        var unit = messages > 0 ? messages : idleSeconds;
        var per = string.Join(", ", Metrics.Select(m => $"{m.Replace("Duration", "")} {totals[m] * 1000 / pages.Count / unit:0.0} ms"));
        System.Console.WriteLine(messages > 0
            ? $"Browser per page per live message (mean of {pages.Count} pages, whole live phase): {per}"
            : $"Browser per page per second while idle (mean of {pages.Count} pages, {idleSeconds:0} s): {per}");
    }

    private static async Task<Dictionary<string, double>> ReadAsync(ICDPSession session)
    {
        var result = await session.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }
}
