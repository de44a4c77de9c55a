using System.Diagnostics;
using AiSales.Bench.Agent;

namespace AiSales.Bench.Faults;

/// <summary>
/// Second by second from 2 s before the fault to 20 s after it ended: live DMs sent, completions requested from the
/// model, first replies at the Graph API, and the DMs still owed a reply at the end of that second. Shows where a slow
/// recovery's time goes (no model requests: the agent is not taking turns; requests but no replies: sends are held).
/// </summary>
public static class Timeline
{
    public static void Print(Window window, LiveConversations live, FaultPlatform platform)
    {
        var from = window.FaultFrom - 2 * Stopwatch.Frequency;
        var seconds = (int)Math.Ceiling((window.FaultUntil - from) / (double)Stopwatch.Frequency) + 20;
        int Second(long at) => (int)Math.Floor((at - from) / (double)Stopwatch.Frequency);
        int[] Count(IEnumerable<long> stamps)
        {
            var counts = new int[seconds];
            foreach (var second in stamps.Select(Second).Where(s => s >= 0 && s < seconds))
            {
                counts[second]++;
            }

            return counts;
        }

        var sent = Count(live.Sent.Values);
        var model = Count(platform.Model.Calls.Select(c => c.ArrivedAt));
        var replied = Count(platform.Graph.FirstReply.Values.Select(r => r.At));
        var owed = Enumerable.Range(0, seconds).Select(s =>
        {
            var end = from + (s + 1) * Stopwatch.Frequency;
            return live.Sent.Count(c => c.Value < end && (!platform.Graph.FirstReply.TryGetValue(c.Key, out var r) || r.At >= end));
        }).ToArray();

        var faultSeconds = Second(window.FaultFrom)..Second(window.FaultUntil);
        Console.WriteLine($"  per second from 2 s before the fault (seconds {faultSeconds.Start.Value}–{faultSeconds.End.Value} are the fault):");
        Console.WriteLine($"    DMs sent       {string.Join(' ', sent.Select(n => $"{n,3}"))}");
        Console.WriteLine($"    model requests {string.Join(' ', model.Select(n => $"{n,3}"))}");
        Console.WriteLine($"    replies        {string.Join(' ', replied.Select(n => $"{n,3}"))}");
        Console.WriteLine($"    owed at end    {string.Join(' ', owed.Select(n => $"{n,3}"))}");
    }
}
