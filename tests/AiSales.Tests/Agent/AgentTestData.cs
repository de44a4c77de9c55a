using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.Tests.Agent;

/// <summary>A merchant with one channel, as the merchant API would have stored it (token sealed at rest).</summary>
public sealed record AgentShop(Guid MerchantId, Guid ChannelId, string Platform, string AccountId, string Token);

/// <summary>A customer message as ingestion stored it.</summary>
public sealed record InboundMessage(long MessageId, Guid ConversationId);

/// <summary>
/// Test data written with SQL exactly as ingestion (issue 3) and the merchant API (issue 4) write it, so the agent's
/// tests do not depend on those features. SimulateInboundAsync is the single place to switch to signed webhooks.
/// </summary>
public static class AgentTestData
{
    public static async Task<AgentShop> CreateShopAsync(
        NpgsqlDataSource db, SecretProtector secrets, string platform,
        string language = "auto", string[]? handoffKeywords = null, bool aiEnabled = true)
    {
        Guid merchantId;
        await using (var merchant = db.CreateCommand("""
            INSERT INTO merchants (name, assistant_name, language, handoff_keywords, ai_enabled)
            VALUES ('Agent test boutique', 'Noor', $1, $2, $3) RETURNING id
            """))
        {
            merchant.Parameters.AddWithValue(language);
            merchant.Parameters.AddWithValue(handoffKeywords ?? []);
            merchant.Parameters.AddWithValue(aiEnabled);
            merchantId = (Guid)(await merchant.ExecuteScalarAsync())!;
        }

        var accountId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
        var token = $"EAAG-test-token-{Guid.NewGuid():N}";
        var sealedToken = secrets.Seal(token, $"channel-token:{merchantId}:{platform}");
        await using var channel = db.CreateCommand("""
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
            """);
        channel.Parameters.AddWithValue(merchantId);
        channel.Parameters.AddWithValue(platform);
        channel.Parameters.AddWithValue(accountId);
        channel.Parameters.AddWithValue(sealedToken.Ciphertext);
        channel.Parameters.AddWithValue(sealedToken.KeyId);
        channel.Parameters.AddWithValue(token[^4..]);
        var channelId = (Guid)(await channel.ExecuteScalarAsync())!;
        return new AgentShop(merchantId, channelId, platform, accountId, token);
    }

    public static async Task<Guid> AddProductAsync(
        NpgsqlDataSource db, Guid merchantId, string sku, string name, decimal price, int stock = 10, string currency = "SAR", string description = "")
    {
        await using var command = db.CreateCommand("""
            INSERT INTO products (merchant_id, sku, name, description, price, currency, stock) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(sku);
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(description);
        command.Parameters.AddWithValue(price);
        command.Parameters.AddWithValue(currency);
        command.Parameters.AddWithValue(stock);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public static string NewCustomer(string platform) => platform == "whatsapp"
        ? "9665" + Random.Shared.Next(10_000_000, 99_999_999)
        : Random.Shared.NextInt64(1_000_000_000_000_000, 9_000_000_000_000_000).ToString();

    /// <summary>
    /// An inbound customer text exactly as ingestion stores it: customer and conversation upserted on their partial
    /// unique indexes, the message with reply_state 'pending', the 24 h window opened, commit, then the best-effort
    /// Redis stream entry (skipped when <paramref name="redis"/> is null: "Redis lost it").
    /// </summary>
    public static async Task<InboundMessage> SimulateInboundAsync(
        NpgsqlDataSource db, IConnectionMultiplexer? redis, AgentShop shop, string customer, string text)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var whatsapp = shop.Platform == "whatsapp";

        Guid customerId;
        await using (var upsertCustomer = new NpgsqlCommand(whatsapp
            ? """
              INSERT INTO customers (merchant_id, platform, phone) VALUES ($1, 'whatsapp', $2)
              ON CONFLICT (merchant_id, phone, platform) WHERE phone IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id
              """
            : """
              INSERT INTO customers (merchant_id, platform, instagram_id) VALUES ($1, 'instagram', $2)
              ON CONFLICT (merchant_id, instagram_id, platform) WHERE instagram_id IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id
              """, connection, transaction))
        {
            upsertCustomer.Parameters.AddWithValue(shop.MerchantId);
            upsertCustomer.Parameters.AddWithValue(customer);
            customerId = (Guid)(await upsertCustomer.ExecuteScalarAsync())!;
        }

        Guid conversationId;
        await using (var upsertConversation = new NpgsqlCommand(whatsapp
            ? """
              INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone) VALUES ($1, $2, 'whatsapp', $3)
              ON CONFLICT (merchant_id, customer_phone, platform) WHERE customer_phone IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id
              """
            : """
              INSERT INTO conversations (merchant_id, customer_id, platform, customer_instagram) VALUES ($1, $2, 'instagram', $3)
              ON CONFLICT (merchant_id, customer_instagram, platform) WHERE customer_instagram IS NOT NULL DO UPDATE SET updated_at = now() RETURNING id
              """, connection, transaction))
        {
            upsertConversation.Parameters.AddWithValue(shop.MerchantId);
            upsertConversation.Parameters.AddWithValue(customerId);
            upsertConversation.Parameters.AddWithValue(customer);
            conversationId = (Guid)(await upsertConversation.ExecuteScalarAsync())!;
        }

        long messageId;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, kind, text, reply_state, platform_timestamp)
            VALUES ($1, $2, $3, $4, 'inbound', 'customer', 'text', $5, 'pending', now())
            RETURNING id
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(shop.MerchantId);
            insert.Parameters.AddWithValue(conversationId);
            insert.Parameters.AddWithValue(shop.Platform);
            insert.Parameters.AddWithValue(whatsapp ? $"wamid.in{Guid.NewGuid():N}" : $"mid.in{Guid.NewGuid():N}");
            insert.Parameters.AddWithValue(text);
            messageId = (long)(await insert.ExecuteScalarAsync())!;
        }

        await using (var window = new NpgsqlCommand("""
            UPDATE conversations SET last_customer_message_at = now(), last_activity_at = now(), updated_at = now() WHERE id = $1
            """, connection, transaction))
        {
            window.Parameters.AddWithValue(conversationId);
            await window.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await InboundQueue.TryPublishAsync(redis, messageId, conversationId, shop.MerchantId, NullLogger.Instance);
        return new InboundMessage(messageId, conversationId);
    }

    /// <summary>
    /// A reply queued as the merchant API (human) or the agent (ai) queues it: an outbound message and its delivery,
    /// in a conversation whose customer last wrote <paramref name="customerLastWrote"/> ago.
    /// </summary>
    public static async Task<Guid> QueueReplyAsync(NpgsqlDataSource db, AgentShop shop, string customer, string author, string text, TimeSpan customerLastWrote)
    {
        var instagram = shop.Platform == "instagram";
        await using var command = db.CreateCommand($"""
            WITH c AS (
                INSERT INTO customers (merchant_id, platform, {(instagram ? "instagram_id" : "phone")}) VALUES ($1, $2, $3) RETURNING id),
            v AS (
                INSERT INTO conversations (merchant_id, customer_id, platform, {(instagram ? "customer_instagram" : "customer_phone")}, status, last_customer_message_at)
                SELECT $1, c.id, $2, $3, 'human', now() - make_interval(secs => $6) FROM c RETURNING id),
            m AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, direction, author, kind, text, delivery_status)
                SELECT $1, v.id, $2, 'outbound', $4, 'text', $5, 'pending' FROM v RETURNING id, conversation_id)
            INSERT INTO outbound_deliveries (merchant_id, conversation_id, message_id, channel_id, platform, recipient, body)
            SELECT $1, m.conversation_id, m.id, $7, $2, $3, $5 FROM m
            RETURNING id
            """);
        command.Parameters.AddWithValue(shop.MerchantId);
        command.Parameters.AddWithValue(shop.Platform);
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(author);
        command.Parameters.AddWithValue(text);
        command.Parameters.AddWithValue(customerLastWrote.TotalSeconds);
        command.Parameters.AddWithValue(shop.ChannelId);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What ingestion does with a WhatsApp status webhook carrying our delivery id in biz_opaque_callback_data.</summary>
    public static async Task SimulateStatusWebhookAsync(NpgsqlDataSource db, Guid deliveryId, string wamid)
    {
        await using var command = db.CreateCommand("""
            WITH d AS (
                UPDATE outbound_deliveries
                SET external_id = coalesce(external_id, $2),
                    state = CASE WHEN state IN ('pending', 'sending') THEN 'sent' ELSE state END,
                    sent_at = coalesce(sent_at, now()), updated_at = now()
                WHERE id = $1
                RETURNING message_id)
            UPDATE messages m SET external_id = coalesce(m.external_id, $2),
                delivery_status = CASE WHEN m.delivery_status IN ('pending') THEN 'sent' ELSE m.delivery_status END
            FROM d WHERE m.id = d.message_id
            """);
        command.Parameters.AddWithValue(deliveryId);
        command.Parameters.AddWithValue(wamid);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<(string State, int? ErrorCode, int Attempts, string Body)>> DeliveriesAsync(NpgsqlDataSource db, Guid conversationId)
    {
        await using var command = db.CreateCommand(
            "SELECT state, error_code, attempts, body FROM outbound_deliveries WHERE conversation_id = $1 ORDER BY message_id");
        command.Parameters.AddWithValue(conversationId);
        var rows = new List<(string, int?, int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return rows;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
    }
}
