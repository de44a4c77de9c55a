using AiSales.Core.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AiSales.Tests.Operations;

/// <summary>
/// The operations gauges, through their real wiring (AddOperationsMetrics: options, sampler, query), over a database of
/// their own whose every waiting row the test wrote, so each value is known exactly.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class OperationsMetricsTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GaugesReportBacklogAgeParkedTurnsAndDisconnectedChannels()
    {
        var connectionString = await fixture.CreateEmptyDatabaseAsync("opsmetrics");
        InProcessMigrator.Up(connectionString);
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            await SeedAsync(db);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Operations:SampleInterval"] = "00:00:01" });
        builder.Services.AddNpgsqlDataSource(connectionString);
        builder.AddOperationsMetrics();
        using var host = builder.Build();
        var meterFactory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var backlog = new MetricCollector<double>(meterFactory, OperationsMetrics.MeterName, OperationsMetrics.BacklogAge);
        using var parked = new MetricCollector<long>(meterFactory, OperationsMetrics.MeterName, OperationsMetrics.ParkedTurns);
        using var disconnected = new MetricCollector<long>(meterFactory, OperationsMetrics.MeterName, OperationsMetrics.DisconnectedChannels);

        using var timeout = new CancellationTokenSource(s_timeout);
        await host.StartAsync(timeout.Token);
        var metrics = host.Services.GetRequiredService<OperationsMetrics>();
        while (!metrics.HasSample)
        {
            await Task.Delay(100, timeout.Token);
        }

        backlog.RecordObservableInstruments();
        parked.RecordObservableInstruments();
        disconnected.RecordObservableInstruments();
        await host.StopAsync(timeout.Token);

        var ages = backlog.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags["aisales.inbox"]!, m => m.Value);
        Assert.InRange(ages["webhook_events"], 600, 660); // received 10 minutes ago, never normalised
        Assert.InRange(ages["replies"], 180, 240);         // a customer message 3 minutes old, not answered
        Assert.Equal(1, Assert.Single(parked.GetMeasurementSnapshot()).Value);
        var channels = disconnected.GetMeasurementSnapshot()
            .ToDictionary(m => $"{m.Tags["aisales.platform"]}/{m.Tags["error.code"]}", m => m.Value);
        Assert.Equal(new Dictionary<string, long>
        {
            ["whatsapp/190"] = 1, ["whatsapp/other"] = 0, ["instagram/190"] = 0, ["instagram/other"] = 1,
        }, channels);
    }

    /// <summary>
    /// Two merchants: one with a WhatsApp channel disconnected by code 190 and a conversation parked after a failed turn
    /// (plus a healthy one), one with an Instagram channel disconnected otherwise; a webhook body never normalised; a
    /// customer message waiting for its reply (and an answered one, older, that must not count).
    /// </summary>
    private static async Task SeedAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            WITH m AS (INSERT INTO merchants (name) VALUES ('Ops A'), ('Ops B') RETURNING id, name),
            ch AS (INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4, status, status_reason)
                   SELECT id, p.platform, p.account, '\x00'::bytea, 'k', '0000', p.status, p.reason FROM m
                   JOIN (VALUES ('Ops A', 'whatsapp', '1001', 'disconnected', 'Graph API error 190: Error validating access token'),
                                ('Ops B', 'instagram', '2001', 'disconnected', 'Disconnected by the merchant'),
                                ('Ops B', 'whatsapp', '2002', 'connected', NULL)) AS p(merchant, platform, account, status, reason)
                     ON p.merchant = m.name RETURNING id),
            cu AS (INSERT INTO customers (merchant_id, platform, phone) SELECT id, 'whatsapp', '96650000' || n FROM m, generate_series(1, 2) n
                   WHERE name = 'Ops A' RETURNING id, merchant_id, phone),
            co AS (INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, turn_failures, turn_retry_at)
                   SELECT merchant_id, id, 'whatsapp', phone, CASE WHEN phone LIKE '%1' THEN 2 ELSE 0 END,
                          CASE WHEN phone LIKE '%1' THEN now() + interval '1 minute' END FROM cu RETURNING id, merchant_id, customer_phone),
            me AS (INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, reply_state, platform_timestamp, sent_at, created_at)
                   SELECT merchant_id, id, 'whatsapp', 'wamid.' || customer_phone || s.state, 'inbound', 'customer', 'hello', s.state, s.at, s.at, s.at
                   FROM co, (VALUES ('pending', now() - interval '3 minutes'), ('done', now() - interval '1 hour')) AS s(state, at)
                   WHERE customer_phone LIKE '%2' RETURNING id)
            INSERT INTO webhook_events (platform, received_at, body, state)
            SELECT 'whatsapp', now() - interval '10 minutes', '{}'::bytea, 'received' FROM (SELECT count(*) FROM ch) a, (SELECT count(*) FROM me) b
            UNION ALL SELECT 'whatsapp', now() - interval '2 days', '{}'::bytea, 'processed'
            """);
        await command.ExecuteNonQueryAsync();
    }
}
