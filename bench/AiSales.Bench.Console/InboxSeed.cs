using AiSales.Core.Security;
using Npgsql;

namespace AiSales.Bench.Console;

/// <summary>
/// One merchant's big inbox, written straight into PostgreSQL in a few set-based statements (no console is watching
/// yet, so no NOTIFY): `conversations` WhatsApp conversations with `messages` messages spread over them (customer and
/// AI in turn, the last hour), one of them with `bigConversation` messages, plus the WhatsApp channel the live webhooks
/// arrive on. The merchant's AI is off: the bench measures the console, not the agent.
/// </summary>
public static class InboxSeed
{
    private const string EncryptionKeyHex = "6c6f63616c2d6465762d6b65792d6e6f742d666f722d70726f64756374696f6e";

    public sealed record Seeded(string PhoneNumberId, Guid BigConversationId, string BigCustomerPhone, Guid LiveConversationId, string LiveCustomerPhone);

    public static async Task<Seeded> RunAsync(string connectionString, Guid merchantId, int conversations, int messages, int bigConversation)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
        var sealedToken = new SecretProtector(Convert.FromHexString(EncryptionKeyHex)).Seal("bench-token", $"channel-token:{merchantId}:whatsapp");
        await ExecuteAsync(db, """
            UPDATE merchants SET ai_enabled = false WHERE id = $1;
            """, merchantId);
        await ExecuteAsync(db, """
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4) VALUES ($1, 'whatsapp', $2, $3, $4, 'oken')
            """, merchantId, phoneNumberId, sealedToken.Ciphertext, sealedToken.KeyId);
        await ExecuteAsync(db, """
            INSERT INTO customers (merchant_id, platform, phone, display_name)
            SELECT $1, 'whatsapp', '9665' || lpad(n::text, 8, '0'), 'Bench customer ' || n FROM generate_series(1, $2) n
            """, merchantId, conversations);
        await ExecuteAsync(db, """
            INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at, last_activity_at, created_at)
            SELECT merchant_id, id, 'whatsapp', phone, now() - random() * interval '1 hour', now() - random() * interval '1 hour', now() - interval '2 hours'
            FROM customers WHERE merchant_id = $1
            """, merchantId);
        // The rest of the messages spread evenly over the other conversations, in customer/AI turns a few seconds apart.
        var others = Math.Max(1, conversations - 1);
        var (perConversation, remainder) = (Math.Max(0, messages - bigConversation) / others, Math.Max(0, messages - bigConversation) % others);
        await ExecuteAsync(db, """
            WITH ranked AS (
                SELECT id, customer_phone, row_number() OVER (ORDER BY customer_phone) AS rank FROM conversations WHERE merchant_id = $1)
            INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, sent_at, reply_state, delivery_status, created_at)
            SELECT $1, c.id, 'whatsapp', 'wamid.seed' || c.rank || '-' || i,
                   CASE WHEN i % 2 = 0 THEN 'inbound' ELSE 'outbound' END,
                   CASE WHEN i % 2 = 0 THEN 'customer' ELSE 'ai' END,
                   CASE WHEN i % 2 = 0 THEN 'بكم العباية السوداء؟ رسالة ' || i ELSE 'العباية السوداء بـ 180 ريال، تحب تطلبها؟ ' || i END,
                   now() - interval '2 hours' + i * interval '5 seconds',
                   CASE WHEN i % 2 = 0 THEN 'done' END,
                   CASE WHEN i % 2 = 1 THEN 'read' END,
                   now() - interval '2 hours'
            FROM ranked c, generate_series(0, CASE WHEN c.rank = 1 THEN $2 WHEN c.rank - 1 <= $4 THEN $3 + 1 ELSE $3 END - 1) i
            """, merchantId, bigConversation, perConversation, remainder);
        await ExecuteAsync(db, "ANALYZE customers; ANALYZE conversations; ANALYZE messages;");

        await using var pick = db.CreateCommand("""
            SELECT id, customer_phone FROM conversations WHERE merchant_id = $1 ORDER BY customer_phone LIMIT 2
            """);
        pick.Parameters.AddWithValue(merchantId);
        await using var reader = await pick.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (big, bigPhone) = (reader.GetGuid(0), reader.GetString(1));
        await reader.ReadAsync();
        return new Seeded(phoneNumberId, big, bigPhone, reader.GetGuid(0), reader.GetString(1));
    }

    public static async Task<long> CountAsync(string connectionString, string sql, Guid merchantId)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var command = db.CreateCommand(sql);
        command.Parameters.AddWithValue(merchantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 600;
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
