using Npgsql;

namespace AiSales.Api.Stats;

/// <summary>
/// The SQL behind GET /api/stats: one statement, one row per UTC day from generate_series, each figure grouped
/// from its own table and LEFT JOINed in (a day without rows reads 0). Every table is filtered by the merchant
/// first, on an index that leads with it: agent_turns, conversation_handoffs (merchant_id, created_at);
/// conversations (merchant_id, …); messages (merchant_id, sent_at) for the counts, and per conversation created in
/// the range by (conversation_id, sent_at, …) for first responses. Run with JIT off: the plan's estimated cost (ten
/// thousand small index scans) made PostgreSQL compile it with LLVM on every call, 2.3 of the 3.1 s it took.
/// </summary>
public static class StatsQuery
{
    // $1 merchant, $2/$3 first and last day (date), $4/$5 the range as [start, end) timestamptz in UTC.
    private const string Sql = """
        WITH days AS (
            SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') AS d
        ), conversation_days AS (
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS conversations
            FROM conversations
            WHERE merchant_id = $1 AND created_at >= $4 AND created_at < $5
            GROUP BY 1
        ), message_days AS (
            -- One range scan of ix_messages_merchant_sent (merchant_id, sent_at) INCLUDE (direction, author).
            SELECT (sent_at AT TIME ZONE 'UTC')::date AS day,
                   count(*) FILTER (WHERE direction = 'inbound' AND author = 'customer') AS customer_messages,
                   count(*) FILTER (WHERE direction = 'outbound' AND author = 'ai') AS ai_replies,
                   count(*) FILTER (WHERE direction = 'outbound' AND author = 'human') AS human_replies
            FROM messages
            WHERE merchant_id = $1 AND sent_at >= $4 AND sent_at < $5
            GROUP BY 1
        ), handoff_days AS (
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS handoffs
            FROM conversation_handoffs
            WHERE merchant_id = $1 AND created_at >= $4 AND created_at < $5 AND to_status = 'human'
            GROUP BY 1
        ), confirmed AS (
            SELECT (confirmed_at AT TIME ZONE 'UTC')::date AS day, status, trim(currency) AS currency, total
            FROM orders
            WHERE merchant_id = $1 AND confirmed_at >= $4 AND confirmed_at < $5
        ), order_days AS (
            SELECT day, count(*) AS orders_confirmed FROM confirmed GROUP BY day
        ), revenue_days AS (
            SELECT day, array_agg(currency ORDER BY currency) AS currencies, array_agg(amount ORDER BY currency) AS amounts
            FROM (SELECT day, currency, sum(total) AS amount FROM confirmed
                  WHERE status IN ('confirmed', 'fulfilled') AND currency IS NOT NULL
                  GROUP BY day, currency) AS per_currency
            GROUP BY day
        ), first_responses AS (
            -- Conversations created in the range: their first customer message, then the first of our messages
            -- (AI, person, or the merchant's own app) after it that did not fail to deliver.
            SELECT (c.created_at AT TIME ZONE 'UTC')::date AS day, extract(epoch FROM reply.sent_at - first.sent_at)::float8 AS seconds
            FROM conversations c
            CROSS JOIN LATERAL (
                SELECT m.sent_at FROM messages m
                WHERE m.conversation_id = c.id AND m.author = 'customer'
                ORDER BY m.sent_at, m.arrival, m.id LIMIT 1) AS first
            CROSS JOIN LATERAL (
                SELECT min(m.sent_at) AS sent_at FROM messages m
                WHERE m.conversation_id = c.id AND m.direction = 'outbound' AND m.sent_at >= first.sent_at
                  AND m.delivery_status IS DISTINCT FROM 'failed') AS reply
            WHERE c.merchant_id = $1 AND c.created_at >= $4 AND c.created_at < $5 AND reply.sent_at IS NOT NULL
        ), response_days AS (
            SELECT day, percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median FROM first_responses GROUP BY day
        ), turn_days AS (
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day,
                   sum(model_calls) AS model_calls, sum(prompt_tokens) AS prompt_tokens, sum(completion_tokens) AS completion_tokens,
                   count(*) FILTER (WHERE outcome = 'answered') AS answered,
                   count(*) FILTER (WHERE outcome = 'handoff') AS handoff,
                   count(*) FILTER (WHERE outcome = 'failed') AS failed,
                   count(*) FILTER (WHERE outcome = 'superseded') AS superseded,
                   count(*) FILTER (WHERE outcome IN ('answered', 'handoff') AND provider = 'offline') AS by_offline,
                   count(*) FILTER (WHERE outcome IN ('answered', 'handoff') AND provider <> 'offline') AS by_llm
            FROM agent_turns
            WHERE merchant_id = $1 AND created_at >= $4 AND created_at < $5
            GROUP BY 1
        )
        SELECT days.day,
               coalesce(cd.conversations, 0), coalesce(md.customer_messages, 0)::bigint, coalesce(md.ai_replies, 0)::bigint,
               coalesce(md.human_replies, 0)::bigint, coalesce(hd.handoffs, 0), coalesce(od.orders_confirmed, 0),
               coalesce(rd.currencies, '{}'), coalesce(rd.amounts, '{}'), response_days.median,
               coalesce(td.model_calls, 0)::bigint, coalesce(td.prompt_tokens, 0)::bigint, coalesce(td.completion_tokens, 0)::bigint,
               coalesce(td.answered, 0), coalesce(td.handoff, 0), coalesce(td.failed, 0), coalesce(td.superseded, 0),
               coalesce(td.by_offline, 0), coalesce(td.by_llm, 0),
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FROM first_responses)
        FROM days
        LEFT JOIN conversation_days cd USING (day)
        LEFT JOIN message_days md USING (day)
        LEFT JOIN handoff_days hd USING (day)
        LEFT JOIN order_days od USING (day)
        LEFT JOIN revenue_days rd USING (day)
        LEFT JOIN response_days USING (day)
        LEFT JOIN turn_days td USING (day)
        ORDER BY days.day
        """;

    public static async Task<StatsReport> ReadAsync(NpgsqlDataSource db, Guid merchantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var jitOff = new NpgsqlCommand("SET LOCAL jit = off", connection, transaction))
        {
            await jitOff.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        command.Parameters.AddWithValue(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue(new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var days = new List<StatsDay>();
        double? rangeMedian = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var currencies = reader.GetFieldValue<string[]>(7);
                var amounts = reader.GetFieldValue<decimal[]>(8);
                days.Add(new StatsDay(
                    reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
                    currencies.Zip(amounts, (currency, amount) => new CurrencyAmount(currency, amount)).ToList(),
                    Seconds(reader, 9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12),
                    new AiTurnCounts(reader.GetInt64(13), reader.GetInt64(14), reader.GetInt64(15), reader.GetInt64(16),
                        reader.GetInt64(17), reader.GetInt64(18))));
                rangeMedian = Seconds(reader, 19);
            }
        }

        return new StatsReport(from, to, days, Totals(days, rangeMedian));
    }

    private static StatsTotals Totals(List<StatsDay> days, double? median) => new(
        days.Sum(d => d.Conversations), days.Sum(d => d.CustomerMessages), days.Sum(d => d.AiReplies),
        days.Sum(d => d.HumanReplies), days.Sum(d => d.Handoffs), days.Sum(d => d.OrdersConfirmed),
        days.SelectMany(d => d.Revenue).GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyAmount(g.Key, g.Sum(r => r.Amount))).ToList(),
        median, days.Sum(d => d.ModelCalls), days.Sum(d => d.PromptTokens), days.Sum(d => d.CompletionTokens),
        days.Aggregate(AiTurnCounts.None, (sum, d) => sum.Add(d.AiTurns)));

    // Milliseconds are plenty: Meta's timestamps have one-second resolution.
    private static double? Seconds(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Math.Round(reader.GetDouble(ordinal), 3);
}
