using System.Diagnostics;
using System.Text;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Plays one conversation turn by turn against a fresh shop and keeps a transcript: what the customer sent, what
/// came back, what was expected and what was wrong. A wrong reply does not stop the play (later turns still tell
/// something); a missing reply does (the agent has stopped answering, every later wait would only time out).
/// </summary>
public sealed class ConversationPlayer(ConversationFixture fixture, ConversationScript script)
{
    private readonly StringBuilder _transcript = new();
    private readonly ShopData _shop = ShopData.Load(script.Shop);
    private readonly ReplyJudge _judge = new(ShopData.Load(script.Shop));
    private readonly SuiteTiming _timing = ShopData.Load(script.Shop).Timing;
    private Dictionary<int, ShopProduct> _listed = [];

    public List<string> Problems { get; } = [];

    public string Transcript => _transcript.ToString();

    public async Task PlayAsync()
    {
        _transcript.AppendLine($"{script.Name} ({script.Platform}, replies in {script.Script}, {script.Shop}): {script.About}");
        using var shop = await ConversationShop.OpenAsync(fixture, script);
        _transcript.AppendLine($"  customer {shop.Customer}, account {shop.AccountId}");
        if (script.Needs?.Contains("faq") == true && !shop.FaqSupported)
        {
            Fail(0, "needs the merchant's faq, which PUT /api/merchant/ai-config did not keep on this branch (not played)");
            return;
        }

        for (var i = 0; i < script.Turns.Count; i++)
        {
            if (!await PlayTurnAsync(shop, i + 1, script.Turns[i]))
            {
                _transcript.AppendLine($"  (stopped: no reply to turn {i + 1}, {script.Turns.Count - i - 1} turn(s) not played)");
                return;
            }
        }

        if (script.Order is { } expected)
        {
            var order = await shop.LatestOrderAsync();
            _transcript.AppendLine($"  order: {Describe(order)}");
            foreach (var problem in OrderJudge.Judge(expected, order, shop.Customer, _listed))
            {
                Fail(script.Turns.Count, problem);
            }
        }
    }

    /// <summary>False when a reply was expected and none came within the bounded wait.</summary>
    private async Task<bool> PlayTurnAsync(ConversationShop shop, int number, ScriptTurn turn)
    {
        var before = shop.ReplyCount;
        await shop.SayAsync(turn.Say);
        foreach (var text in turn.Say)
        {
            _transcript.AppendLine($"  [{number}] customer: {text}");
        }

        if (turn.Reply == "none")
        {
            var unexpected = await WaitForRepliesAsync(shop, before, TimeSpan.FromSeconds(_timing.SilenceSeconds));
            _transcript.AppendLine(unexpected.Count == 0 ? "      shop: (no reply, as expected)" : $"      shop: {string.Join("\n        ", unexpected)}");
            if (unexpected.Count > 0)
            {
                Fail(number, "expected no reply");
            }
        }
        else
        {
            var replies = await WaitForRepliesAsync(shop, before, TimeSpan.FromSeconds(_timing.ReplySeconds));
            if (replies.Count == 0)
            {
                _transcript.AppendLine($"      shop: (no reply within {_timing.ReplySeconds} s)");
                Fail(number, "no reply");
                return false;
            }

            var reply = string.Join("\n", replies);
            _transcript.AppendLine($"      shop: {reply.ReplaceLineEndings("\n            ")}");
            Expected(turn);
            foreach (var problem in _judge.Judge(turn, script.Script, reply, _listed))
            {
                Fail(number, problem);
            }

            if (NumberedList.Read(reply, _shop.Products) is { Count: > 0 } listed)
            {
                _listed = listed;
                _transcript.AppendLine($"      listed: {string.Join(", ", listed.OrderBy(l => l.Key).Select(l => $"{l.Key} = {l.Value.Sku}"))}");
            }
        }

        var status = turn.Status ?? (turn.Reply == "handover" ? "human" : null);
        if (status is not null)
        {
            var actual = await WaitForStatusAsync(shop, status);
            if (actual != status)
            {
                Fail(number, $"conversation status {actual ?? "(no conversation)"}, expected {status}");
            }
        }

        return true;
    }

    /// <summary>Waits up to <paramref name="limit"/> for the first new reply, then until nothing more arrives for a short settle time.</summary>
    private async Task<IReadOnlyList<string>> WaitForRepliesAsync(ConversationShop shop, int before, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (shop.ReplyCount <= before && clock.Elapsed < limit)
        {
            await Task.Delay(50);
        }

        var settle = TimeSpan.FromMilliseconds(_timing.SettleMilliseconds);
        var seen = shop.ReplyCount;
        var quiet = Stopwatch.StartNew();
        while (seen > before && quiet.Elapsed < settle && clock.Elapsed < limit + settle * 4)
        {
            await Task.Delay(50);
            if (shop.ReplyCount != seen)
            {
                seen = shop.ReplyCount;
                quiet.Restart();
            }
        }

        return shop.RepliesSince(before);
    }

    private async Task<string?> WaitForStatusAsync(ConversationShop shop, string wanted)
    {
        var clock = Stopwatch.StartNew();
        string? status;
        while ((status = await shop.StatusAsync()) != wanted && clock.Elapsed < TimeSpan.FromSeconds(_timing.SilenceSeconds))
        {
            await Task.Delay(100);
        }

        return status;
    }

    private void Expected(ScriptTurn turn)
    {
        var wanted = new List<string>();
        wanted.AddRange((turn.Expect ?? []).Select(a => string.Join("|", a)));
        wanted.AddRange((turn.Asks ?? []).Select(d => $"asks {d}"));
        wanted.AddRange((turn.Forbid ?? []).Select(f => $"not \"{f}\""));
        wanted.AddRange((turn.NotAsks ?? []).Select(d => $"not asking {d}"));
        if (turn.NoProducts) wanted.Add("no product, no search");
        if (turn.List > 0) wanted.Add($"a numbered list of {turn.List}");
        if (turn.Note is not null) wanted.Add($"({turn.Note})");
        if (wanted.Count > 0) _transcript.AppendLine($"      expected: {string.Join("; ", wanted)}");
    }

    private void Fail(int turn, string problem)
    {
        Problems.Add($"turn {turn}: {problem}");
        _transcript.AppendLine($"      ✗ {problem}");
    }

    private static string Describe(System.Text.Json.JsonElement? order) => order is not { } o ? "none" :
        $"{o.GetProperty("status")} #{o.GetProperty("number")}: " +
        string.Join(", ", o.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("quantity")} × {i.GetProperty("sku")}")) +
        $"; total {o.GetProperty("total")} {o.GetProperty("currency")}; name \"{o.GetProperty("customerName")}\"; " +
        $"address \"{o.GetProperty("shippingAddress")}\"; phone \"{o.GetProperty("customerPhone")}\"";
}
