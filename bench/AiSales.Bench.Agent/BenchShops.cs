using AiSales.Core.Security;
using Npgsql;

namespace AiSales.Bench.Agent;

/// <summary>The benches' shops, written straight to PostgreSQL (no Graph look-up to connect a channel).</summary>
public static class BenchShops
{
    /// <summary>A merchant with its own WhatsApp number (token sealed with <paramref name="encryptionKey"/>) and one product, "Blue Kaftan"; returns the number.</summary>
    public static async Task<string> SeedAsync(NpgsqlDataSource db, byte[] encryptionKey, bool aiEnabled = true)
    {
        await using var merchant = db.CreateCommand("INSERT INTO merchants (name, ai_enabled) VALUES ('Bench boutique', $1) RETURNING id");
        merchant.Parameters.AddWithValue(aiEnabled);
        var merchantId = (Guid)(await merchant.ExecuteScalarAsync())!;
        var accountId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
        var sealedToken = new SecretProtector(encryptionKey).Seal("bench-token", $"channel-token:{merchantId}:whatsapp");
        await using var channel = db.CreateCommand("""
            INSERT INTO channels (merchant_id, platform, account_id, token_ciphertext, token_key_id, token_last4) VALUES ($1, 'whatsapp', $2, $3, $4, 'oken');
            """);
        channel.Parameters.AddWithValue(merchantId);
        channel.Parameters.AddWithValue(accountId);
        channel.Parameters.AddWithValue(sealedToken.Ciphertext);
        channel.Parameters.AddWithValue(sealedToken.KeyId);
        await channel.ExecuteNonQueryAsync();
        await using var product = db.CreateCommand("INSERT INTO products (merchant_id, sku, name, price, currency, stock) VALUES ($1, 'KAF-BLUE', 'Blue Kaftan', 149.5, 'SAR', 100000)");
        product.Parameters.AddWithValue(merchantId);
        await product.ExecuteNonQueryAsync();
        return accountId;
    }
}
