using System.Diagnostics.Metrics;
using AiSales.AiAgent.Agent.Model;
using AiSales.AiAgent.Agent.Offline;
using AiSales.UnitTests.Agent.Dialogue;
using Microsoft.Extensions.AI;

namespace AiSales.UnitTests.Agent.Model;

/// <summary>
/// Contract §7: each turn's model, tokens and duration reach OpenTelemetry after the gen_ai conventions, with the
/// offline model too (the default provider), tagged with the merchant.
/// </summary>
public sealed class OfflineModelTelemetryTests
{
    [Fact]
    public async Task AnOfflineCompletionRecordsItsDurationAndZeroTokensForTheMerchant()
    {
        var merchant = Guid.NewGuid();
        var recorded = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ModelTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        listener.Start();

        var usage = new TurnUsage(merchant, "offline", "offline");
        usage.MakeCurrent();
        using (DialogueScript.Turn("thanks a lot!").Begin())
        {
            await new OfflineChatClient().GetResponseAsync([new ChatMessage(ChatRole.User, "thanks a lot!")]);
        }

        var mine = recorded.Where(r => Equals(r.Tags.GetValueOrDefault("aisales.merchant.id"), merchant.ToString())).ToList();
        var duration = Assert.Single(mine, r => r.Instrument == "gen_ai.client.operation.duration");
        Assert.Equal(("chat", "offline", "offline"), ((string?)duration.Tags["gen_ai.operation.name"], (string?)duration.Tags["gen_ai.provider.name"], (string?)duration.Tags["gen_ai.request.model"]));
        Assert.True(duration.Value >= 0);
        Assert.Equal(["input", "output"], mine.Where(r => r.Instrument == "gen_ai.client.token.usage").Select(r => (string?)r.Tags["gen_ai.token.type"]).Order());
        Assert.Equal(1, usage.ModelCalls);

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (recorded)
            {
                recorded.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        }
    }
}
