using Npgsql;

namespace AiSales.Bench;

/// <summary>The retention bench's tables: the real `webhook_events` and a copy partitioned by day, filled alike.</summary>
internal static class RetentionTables
{
    public static string PartitionName(DateTime day) => $"webhook_events_d{day:yyyyMMdd}";

    public static async Task FillAsync(NpgsqlDataSource db, DateTime now, int rowsPerDay)
    {
        var body = WebhookBenchmarkBody();
        var sql = new System.Text.StringBuilder("""
            CREATE TABLE webhook_events_by_day (
                id bigint GENERATED ALWAYS AS IDENTITY, platform text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
                body bytea NOT NULL, state text NOT NULL DEFAULT 'received', attempts integer NOT NULL DEFAULT 0, error text,
                processed_at timestamptz, PRIMARY KEY (id, received_at)) PARTITION BY RANGE (received_at);
            CREATE INDEX ON webhook_events_by_day (id) WHERE state = 'received';
            """);
        for (var d = -10; d <= 1; d++)
        {
            var day = now.Date.AddDays(d);
            sql.Append($"CREATE TABLE {PartitionName(day)} PARTITION OF webhook_events_by_day FOR VALUES FROM ('{day:yyyy-MM-dd} 00:00+00') TO ('{day.AddDays(1):yyyy-MM-dd} 00:00+00');\n");
        }

        await using (var create = db.CreateCommand(sql.ToString()))
        {
            await create.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "webhook_events", "webhook_events_by_day" })
        {
            await using var fill = db.CreateCommand($"""
                INSERT INTO {table} (platform, received_at, body, state, processed_at)
                SELECT 'whatsapp', $1 - (g::float8 / $2) * interval '1 day', $3, 'processed', $1
                FROM generate_series(0, $2 * 9 - 1) g
                """);
            fill.Parameters.AddWithValue(now);
            fill.Parameters.AddWithValue(rowsPerDay);
            fill.Parameters.AddWithValue(body);
            await fill.ExecuteNonQueryAsync();
        }

        foreach (var statement in new[] { "VACUUM ANALYZE webhook_events", "VACUUM ANALYZE webhook_events_by_day", "CHECKPOINT" })
        {
            await using var command = db.CreateCommand(statement); // VACUUM refuses to run inside a multi-statement batch
            await command.ExecuteNonQueryAsync();
        }
    }

    public static async Task<long> SizeAsync(NpgsqlDataSource db, bool partitioned)
    {
        var sql = partitioned
            ? "SELECT coalesce(sum(pg_total_relation_size(relid)), 0)::bigint FROM pg_partition_tree('webhook_events_by_day')"
            : "SELECT pg_total_relation_size('webhook_events')";
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> WalLsnAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A real-sized WhatsApp text webhook body (about 700 bytes).</summary>
    private static byte[] WebhookBenchmarkBody() => System.Text.Encoding.UTF8.GetBytes(
        """{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Retention bench"},"wa_id":"966500000001"}],"messages":[{"from":"966500000001","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=","timestamp":"1764500000","type":"text","text":{"body":"بكم الحقيبة السوداء؟ How much is the black bag? I would like two of them please, delivered to Riyadh."}}]},"field":"messages"}]}]}""");
}
