using System.Diagnostics.Metrics;
using AiSales.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AiSales.UnitTests.Operations;

public sealed class OperationsMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    private IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void NothingIsReportedBeforeTheFirstSample()
    {
        var metrics = new OperationsMetrics(MeterFactory, _time);
        using var backlog = Collector<double>(OperationsMetrics.BacklogAge);
        using var parked = Collector<long>(OperationsMetrics.ParkedTurns);

        backlog.RecordObservableInstruments();
        parked.RecordObservableInstruments();

        Assert.False(metrics.HasSample);
        Assert.Empty(backlog.GetMeasurementSnapshot());
        Assert.Empty(parked.GetMeasurementSnapshot());
    }

    [Fact]
    public void BacklogAgeGrowsWithTheClockBetweenSamplesAndIsZeroWhenNothingWaits()
    {
        var metrics = new OperationsMetrics(MeterFactory, _time);
        using var backlog = Collector<double>(OperationsMetrics.BacklogAge);
        metrics.Update(OperationsSnapshot.Empty with { OldestUnprocessedWebhook = _time.GetUtcNow().AddSeconds(-10) });

        _time.Advance(TimeSpan.FromSeconds(20));
        backlog.RecordObservableInstruments();

        var ages = backlog.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["aisales.inbox"]!, m => m.Value);
        Assert.Equal(30, ages["webhook_events"]);
        Assert.Equal(0, ages["replies"]);
    }

    [Fact]
    public void DisconnectedChannelsAreReportedForEveryPlatformAndCodeZerosIncluded()
    {
        var metrics = new OperationsMetrics(MeterFactory, _time);
        using var disconnected = Collector<long>(OperationsMetrics.DisconnectedChannels);
        metrics.Update(OperationsSnapshot.Empty with { Disconnected = [new DisconnectedChannels("instagram", "190", 3)] });

        disconnected.RecordObservableInstruments();

        var counts = disconnected.GetMeasurementSnapshot().ToDictionary(m => $"{m.Tags["aisales.platform"]}/{m.Tags["error.code"]}", m => m.Value);
        Assert.Equal(new Dictionary<string, long>
        {
            ["whatsapp/190"] = 0, ["whatsapp/other"] = 0, ["instagram/190"] = 3, ["instagram/other"] = 0,
        }, counts);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(-90.0, 90)]
    [InlineData(5.0, 0)] // a row stamped by a clock slightly ahead never reports a negative age
    public void AgeSeconds(double? oldestOffsetSeconds, double expected)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? oldest = oldestOffsetSeconds is { } offset ? now.AddSeconds(offset) : null;

        Assert.Equal(expected, OperationsSnapshot.AgeSeconds(oldest, now));
    }

    private MetricCollector<T> Collector<T>(string instrument) where T : struct =>
        new(MeterFactory, OperationsMetrics.MeterName, instrument);
}
