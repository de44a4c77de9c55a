using System.Diagnostics;
using AiSales.Bench.Agent;

namespace AiSales.Bench.Faults;

/// <summary>
/// One scenario's figures. Recovery: how long after the fault ended until (a) webhooks were answered normally again
/// (the last webhook sent after the fault began that got no 200, or a 200 slower than 1 s, was answered this long after
/// the fault ended) and (b) the DMs owed were answered (the last reply to a DM sent before the fault ended came this
/// long after it); the larger of the two, 0 when both happened before the fault ended. Unanswered: acknowledged DMs with
/// no reply whose conversation no person holds either (<see cref="HandedOver"/>: the AI gave it up with a reason).
/// </summary>
public sealed record ScenarioResult(
    string Name, string Fault, string? Note, int WebhooksSent, int WebhooksAcked, string Refusals, int Lost, int DmsSent,
    int DmsAcked, int Replied, int Fallbacks, int Duplicates, int Unanswered, double AckRecoverySeconds,
    double ReplyRecoverySeconds, double P99Outside, double P99Inside, int SlowOrRefusedOutside, double PeakApiMiB,
    double PeakAgentMiB, int Crashes, string Deliveries, double FirstAckAfterSeconds, string ReplyTimes, int HandedOver)
{
    /// <summary>Acknowledged messages not yet normalised at the end (still in `webhook_events`): late, not lost.</summary>
    public int Queued { get; init; }

    public double RecoverySeconds => Math.Max(AckRecoverySeconds, ReplyRecoverySeconds);

    public bool MeetsTargets => Lost == 0 && Duplicates == 0 && Unanswered == 0 && Crashes == 0 && RecoverySeconds <= 5 && P99Outside <= 50;

    public static ScenarioResult From(
        Scenario scenario, string? note, Window window, FloodLoad flood, LiveConversations live, FaultPlatform platform, int lost,
        PeakMemory memory, string deliveries, int handedOver)
    {
        var requests = flood.Requests.ToArray();
        static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
        var graceUntil = window.FaultUntil + 5 * Stopwatch.Frequency;
        bool Outside(long sent) => sent >= window.MeasuredFrom && (sent < window.FaultFrom || sent > graceUntil);
        bool Bad(FloodRequest r) => r.Status != 200 || Ms(r.Sent, r.Done) > 1000;

        var outside = requests.Where(r => Outside(r.Sent) && r.Status == 200).Select(r => Ms(r.Sent, r.Done)).Order().ToArray();
        var inside = requests.Where(r => r.Sent >= window.FaultFrom && r.Sent <= graceUntil && r.Status == 200).Select(r => Ms(r.Sent, r.Done)).Order().ToArray();
        var lastBad = requests.Where(r => r.Sent >= window.FaultFrom && Bad(r)).Select(r => r.Done)
            .Concat(live.Refused.Keys.Where(c => live.Sent[c] >= window.FaultFrom).Select(c => live.Sent[c]))
            .DefaultIfEmpty(window.FaultUntil).Max();
        var owed = live.Acked.Keys.Where(c => live.Sent[c] < window.FaultUntil && platform.Graph.FirstReply.ContainsKey(c))
            .Select(c => platform.Graph.FirstReply[c].At).DefaultIfEmpty(window.FaultUntil).Max();
        var replied = live.Acked.Keys.Count(c => platform.Graph.FirstReply.ContainsKey(c));
        var refusals = requests.Where(r => r.Status != 200).GroupBy(r => r.Status == 0 ? "no answer" : r.Status.ToString())
            .Select(g => $"{g.Key} × {g.Count()}")
            .Concat(live.Refused.Values.GroupBy(s => s == 0 ? "no answer (DM)" : $"{s} (DM)").Select(g => $"{g.Key} × {g.Count()}"));

        return new ScenarioResult(
            scenario.Name, scenario.Fault, note, requests.Length, requests.Count(r => r.Status == 200), string.Join(", ", refusals), lost,
            live.Sent.Count, live.Acked.Count, replied,
            Fallbacks: live.Acked.Keys.Count(c => platform.Graph.FirstReply.TryGetValue(c, out var r) && !r.Text.StartsWith(FakeModelServer.AnswerPrefix, StringComparison.Ordinal)),
            Duplicates: live.Sent.Keys.Count(c => platform.Graph.RepliesTo(c) > 1),
            Unanswered: live.Acked.Count - replied - handedOver,
            AckRecoverySeconds: Math.Max(0, window.SecondsAfterFault(lastBad)),
            ReplyRecoverySeconds: Math.Max(0, window.SecondsAfterFault(owed)),
            P99Outside: P99(outside), P99Inside: P99(inside),
            SlowOrRefusedOutside: requests.Count(r => Outside(r.Sent) && Bad(r)),
            memory.ApiMiB, memory.AgentMiB, platform.Api.Crashes + platform.Agent.Crashes, deliveries,
            ReplyTimes: ReplyTimesAround(window, live, platform), HandedOver: handedOver,
            FirstAckAfterSeconds: requests.Where(r => r.Sent >= window.FaultUntil && r.Status == 200).Select(r => window.SecondsAfterFault(r.Done)).DefaultIfEmpty(double.NaN).Min());
    }

    /// <summary>DM → reply before the fault and from 5 s after it: what "normal" is on this machine at this load.</summary>
    private static string ReplyTimesAround(Window window, LiveConversations live, FaultPlatform platform)
    {
        string Describe(Func<long, bool> sentIn)
        {
            var seconds = live.Acked.Keys.Where(c => sentIn(live.Sent[c]) && platform.Graph.FirstReply.ContainsKey(c))
                .Select(c => (platform.Graph.FirstReply[c].At - live.Sent[c]) / (double)Stopwatch.Frequency).Order().ToArray();
            return seconds.Length == 0 ? "none" : $"p50 {seconds[seconds.Length / 2]:0.0} s, max {seconds[^1]:0.0} s";
        }

        var after = window.FaultUntil + 5 * Stopwatch.Frequency;
        return $"before the fault {Describe(t => t >= window.MeasuredFrom && t < window.FaultFrom)}; from 5 s after it {Describe(t => t >= after)}";
    }

    private static double P99(double[] sorted) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.99 * sorted.Length) - 1)];

    public void PrintDetail()
    {
        Console.WriteLine($"  webhooks: {WebhooksAcked}/{WebhooksSent} acknowledged{(Refusals.Length > 0 ? $" (not: {Refusals})" : "")}, lost {Lost}, still queued for the normaliser {Queued}");
        Console.WriteLine($"  ack p99 outside the fault {P99Outside:0.0} ms ({SlowOrRefusedOutside} slower than 1 s or refused), during it and 5 s after {P99Inside:0.0} ms");
        Console.WriteLine($"  DMs: {DmsAcked}/{DmsSent} acknowledged, {Replied} answered ({Fallbacks} by the agent's own fallback), {Duplicates} with more than one reply, {HandedOver} handed to a person without a reply, {Unanswered} unanswered (neither)");
        Console.WriteLine($"  recovery {RecoverySeconds:0.0} s (webhooks {AckRecoverySeconds:0.0} s, the first 200 after {FirstAckAfterSeconds:0.0} s; owed replies {ReplyRecoverySeconds:0.0} s); peak RSS api {PeakApiMiB:0} MiB, ai-agent {PeakAgentMiB:0} MiB; crashes {Crashes}");
        Console.WriteLine($"  DM → reply {ReplyTimes}");
        Console.WriteLine($"  deliveries: {Deliveries}");
        if (Note is not null)
        {
            Console.WriteLine($"  {Note}");
        }
    }

    public static void PrintTable(IEnumerable<ScenarioResult> results)
    {
        Console.WriteLine("| scenario | webhooks acked | lost | DMs answered | duplicates | unanswered | recovery | ack p99 outside | peak RSS api / agent | crashes |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Name} | {r.WebhooksAcked}/{r.WebhooksSent} | {r.Lost}{(r.Queued > 0 ? $" ({r.Queued} still queued)" : "")} | {r.Replied}/{r.DmsAcked} | {r.Duplicates} | {r.Unanswered}{(r.HandedOver > 0 ? $" ({r.HandedOver} handed to a person)" : "")} | {r.RecoverySeconds:0.0} s | {r.P99Outside:0.0} ms | {r.PeakApiMiB:0} / {r.PeakAgentMiB:0} MiB | {r.Crashes} |");
        }
    }
}
