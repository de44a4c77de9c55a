using AiSales.Core.Security;
using Npgsql;

namespace AiSales.Tests.Webhooks;

/// <summary>
/// Seeds merchants, channels and outbound messages with SQL (the merchant API is built in parallel), each
/// test with its own merchant and unique account ids, and waits (bounded) for the processor's rows.
/// </summary>
public static class WebhookTestData
{
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(30);

    private static readonly SecretProtector Protector = new(Convert.FromHexString(AppHostFixture.EncryptionKeyHex));

    public static string NewNumericId(int digits = 15) =>
        string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + Random.Shared.Next(i == 0 ? 1 : 0, 10))));

    public static string NewExternalId(string prefix) => $"{prefix}{Guid.NewGuid():N}";

    public static async Task<Guid> CreateMerchantAsync(NpgsqlDataSource db, string status = "active")
    {
        await using var command = db.CreateCommand("INSERT INTO merchants (name, status) VALUES ('Webhook test shop', $1) RETURNING id");
        command.Parameters.AddWithValue(status);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ConnectChannelAsync(NpgsqlDataSource db, Guid merchantId, string platform, string accountId)
    {
        var token = "EAAG-test-token-" + Guid.NewGuid().ToString("N");
        var sealedToken = Protector.Seal(token, $"channel-token:{merchantId}:{platform}");
        await using var command = db.CreateCommand("""
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4)
            VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(sealedToken.Ciphertext);
        command.Parameters.AddWithValue(sealedToken.KeyId);
        command.Parameters.AddWithValue(token[^4..]);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A merchant with the given channel; returns the merchant id.</summary>
    public static async Task<Guid> CreateMerchantWithChannelAsync(NpgsqlDataSource db, string platform, string accountId, string status = "active")
    {
        var merchantId = await CreateMerchantAsync(db, status);
        await ConnectChannelAsync(db, merchantId, platform, accountId);
        return merchantId;
    }

    /// <summary>An outbound message we sent (author ai) with its delivery row, in a conversation with the customer.</summary>
    public static async Task<(long MessageId, Guid DeliveryId, Guid ConversationId)> SeedOutboundAsync(
        NpgsqlDataSource db, Guid merchantId, string platform, string customer, string? externalId, string text,
        string deliveryStatus = "sent", string deliveryState = "sent", DateTimeOffset? sentAt = null)
    {
        var (customerColumn, conversationColumn) = platform == "whatsapp" ? ("phone", "customer_phone") : ("instagram_id", "customer_instagram");
        await using var command = db.CreateCommand($"""
            WITH cu AS (
                INSERT INTO customers (merchant_id, platform, {customerColumn}) VALUES ($1, $2, $3)
                ON CONFLICT (merchant_id, {customerColumn}, platform) WHERE {customerColumn} IS NOT NULL DO UPDATE SET updated_at = now()
                RETURNING id),
            co AS (
                INSERT INTO conversations (merchant_id, customer_id, platform, {conversationColumn})
                SELECT $1, cu.id, $2, $3 FROM cu
                ON CONFLICT (merchant_id, {conversationColumn}, platform) WHERE {conversationColumn} IS NOT NULL DO UPDATE SET updated_at = now()
                RETURNING id),
            m AS (
                INSERT INTO messages (merchant_id, conversation_id, platform, external_id, direction, author, text, delivery_status, platform_timestamp, created_at)
                SELECT $1, co.id, $2, $4, 'outbound', 'ai', $5, $6, $8, coalesce($8, now()) FROM co
                RETURNING id, conversation_id),
            d AS (
                INSERT INTO outbound_deliveries (merchant_id, conversation_id, message_id, channel_id, platform, recipient, body, state, external_id)
                SELECT $1, m.conversation_id, m.id, (SELECT id FROM channels WHERE merchant_id = $1 AND platform = $2), $2, $3, $5, $7, $4 FROM m
                RETURNING id)
            SELECT m.id, d.id, m.conversation_id FROM m, d
            """);
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(customer);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)externalId ?? DBNull.Value });
        command.Parameters.AddWithValue(text);
        command.Parameters.AddWithValue(deliveryStatus);
        command.Parameters.AddWithValue(deliveryState);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz, Value = (object?)sentAt ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2));
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = Command(db, sql, values);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, params object[] values)
    {
        await using var command = Command(db, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlDataSource db, string sql, object[] values)
    {
        var command = db.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return command;
    }

    /// <summary>Polls until <paramref name="sql"/> returns a value satisfying <paramref name="done"/>; fails after the timeout.</summary>
    public static async Task<T?> WaitForAsync<T>(NpgsqlDataSource db, Func<T?, bool> done, string sql, params object[] values)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await ScalarAsync<T>(db, sql, values);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited {WaitTimeout} for: {sql} (last value: {last})");
    }

    /// <summary>The final state of the inbox event holding exactly these bytes, once it is no longer 'received'.</summary>
    public static Task<string?> WaitForEventStateAsync(NpgsqlDataSource db, byte[] body) =>
        WaitForAsync<string>(db, s => s is not null and not "received",
            "SELECT state FROM webhook_events WHERE body = $1 ORDER BY id DESC LIMIT 1", body);

    public static Task<long> CountEventsAsync(NpgsqlDataSource db, byte[] body) =>
        ScalarAsync<long>(db, "SELECT count(*) FROM webhook_events WHERE body = $1", body);
}
