using System.Globalization;
using Npgsql;

namespace AiSales.Tests.MerchantApi;

/// <summary>Rows as ingestion (conversations, messages), the agent (turns, handoffs) and the order flow write them.</summary>
public sealed class StatsSeed(NpgsqlDataSource db, Guid merchantId)
{
    public static DateTimeOffset At(DateOnly day, string time) =>
        new(day.ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture)), TimeSpan.Zero);

    public async Task<Guid> ConversationAsync(DateTimeOffset createdAt)
    {
        var phone = $"9665{Random.Shared.Next(10_000_000, 99_999_999)}";
        return (Guid)(await ScalarAsync("""
            WITH customer AS (
                INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2) RETURNING id)
            INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at, last_activity_at, created_at)
            SELECT $1, customer.id, 'whatsapp', $2, $3, $3, $3 FROM customer RETURNING id
            """, merchantId, phone, createdAt))!;
    }

    public Task MessageAsync(Guid conversationId, string author, DateTimeOffset sentAt, string? deliveryStatus = null) => ScalarAsync("""
        INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, delivery_status,
                              platform_timestamp, sent_at, created_at)
        VALUES ($1, $2, 'whatsapp', 'wamid.' || gen_random_uuid(), CASE WHEN $3 = 'customer' THEN 'inbound' ELSE 'outbound' END, $3, 'hi',
                CASE WHEN $3 = 'customer' THEN NULL ELSE coalesce($5::text, 'delivered') END, $4, $4, $4)
        """, merchantId, conversationId, author, sentAt, (object?)deliveryStatus ?? DBNull.Value);

    public Task HandoffAsync(Guid conversationId, string to, string source, DateTimeOffset at) => ScalarAsync("""
        INSERT INTO conversation_handoffs (merchant_id, conversation_id, to_status, source, reason, created_at) VALUES ($1, $2, $3, $4, 'test', $5)
        """, merchantId, conversationId, to, source, at);

    public Task OrderAsync(Guid conversationId, string status, string currency, decimal total, DateTimeOffset? confirmedAt) => ScalarAsync("""
        INSERT INTO orders (merchant_id, conversation_id, status, currency, total, confirmed_at,
                            cancelled_at, fulfilled_at, created_at)
        VALUES ($1, $2, $3, $4, $5, $6::timestamptz, CASE WHEN $3 = 'cancelled' THEN $6::timestamptz END,
                CASE WHEN $3 = 'fulfilled' THEN $6::timestamptz END, coalesce($6::timestamptz, now()))
        """, merchantId, conversationId, status, currency, total, (object?)confirmedAt ?? DBNull.Value);

    public Task TurnAsync(Guid conversationId, string outcome, int calls, int promptTokens, int completionTokens, DateTimeOffset at) => ScalarAsync("""
        INSERT INTO agent_turns (merchant_id, conversation_id, provider, model, outcome, model_calls, prompt_tokens, completion_tokens,
                                 tool_calls, duration_ms, created_at)
        VALUES ($1, $2, 'openai', 'test-model', $3, $4, $5, $6, 1, 1200, $7)
        """, merchantId, conversationId, outcome, calls, promptTokens, completionTokens, at);

    private async Task<object?> ScalarAsync(string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }
}
